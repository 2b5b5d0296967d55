package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.speed.SpeedMain;
import io.olistlakehouse.speed.SpeedRunner;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "speed", mixinStandardHelpOptions = true,
    description = "The speed layer: per-order delivery state in event time from the Kafka topics into "
        + "lakehouse.speed.order_delivery (one current row per order), minute KPIs into lakehouse.speed.kpi_minute, "
        + "events later than the allowed lateness into lakehouse.speed.late_events. Runs until stopped (SIGTERM "
        + "stops between batches) unless --once. Job: jobs/speed.json; tuning: speed.* configuration keys.")
final class SpeedCommand implements Callable<Integer> {

  @Option(names = "--once", description = "Process what Kafka holds now (Trigger.AvailableNow), then exit.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    LakehouseConfig config = LakehouseConfig.load();
    JobManifest job = JobManifest.load(config, SpeedMain.JOB);
    try (SparkSession spark = SparkSessionFactory.create(config, job)) {
      System.out.println(SpeedRunner.run(config, spark, once, System.out::println));
    }
    return 0;
  }
}
