package io.olistlakehouse.bronze;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest's entry point for spark-submit (the main class of jobs/bronze_ingest.json): {@code --once} lands what
 * Kafka holds and exits; without arguments it runs until SIGTERM. Configuration as everywhere: LAKEHOUSE_CONFIG and
 * LAKEHOUSE_* overrides, relative paths from {@code -Dlakehouse.home}.
 */
public final class IngestMain {

  public static final String JOB = "bronze_ingest";

  private IngestMain() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = List.of(args);
    if (!arguments.stream().allMatch("--once"::equals)) {
      System.err.println("usage: " + IngestMain.class.getName() + " [--once]");
      System.exit(2);
    }
    LakehouseConfig config = LakehouseConfig.load();
    try (SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, JOB))) {
      IngestRunner.Summary summary = IngestRunner.run(config, spark, arguments.contains("--once"),
          IngestListener.printing());
      System.out.println(summary);
    }
  }
}
