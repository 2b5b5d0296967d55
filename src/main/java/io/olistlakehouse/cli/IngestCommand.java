package io.olistlakehouse.cli;

import io.olistlakehouse.bronze.IngestMain;
import io.olistlakehouse.bronze.IngestListener;
import io.olistlakehouse.bronze.IngestRunner;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Land the nine bronze topics exactly once in lakehouse.bronze.<stream> (Iceberg); records that "
        + "cannot be decoded go to lakehouse.bronze.dead_letter with the reason. Runs until stopped (SIGTERM stops "
        + "between batches) unless --once. Job: jobs/bronze_ingest.json; tuning: ingest.* configuration keys.")
final class IngestCommand implements Callable<Integer> {

  @Option(names = "--once", description = "Land what Kafka holds now (in batches of ingest.max.offsets.per.trigger "
      + "records), then exit.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    LakehouseConfig config = LakehouseConfig.load();
    JobManifest job = JobManifest.load(config, IngestMain.JOB);
    try (SparkSession spark = SparkSessionFactory.create(config, job)) {
      System.out.println(IngestRunner.run(config, spark, once, IngestListener.printing()));
    }
    return 0;
  }
}
