package io.olistlakehouse.batch;

import io.olistlakehouse.batch.incremental.BatchJob;
import io.olistlakehouse.batch.incremental.BatchJobOutcome;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.metrics.PushGateway;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The batch layer's entry point for spark-submit and Airflow: {@code [--only JOB...] [--full]}. Every manifest
 * {@code jobs/batch*.json} starts this class with the jobs it names.
 */
public final class BatchMain {

  public static final String MANIFEST = "batch";

  private BatchMain() {}

  public static void main(String[] args) throws Exception {
    List<String> only = new ArrayList<>();
    boolean full = false;
    boolean naming = false;
    for (String arg : args) {
      if (arg.equals("--full")) {
        full = true;
        naming = false;
      } else if (arg.equals("--only")) {
        naming = true;
      } else if (naming && !arg.startsWith("--")) {
        only.add(arg);
      } else {
        throw new IllegalArgumentException("unknown argument '" + arg + "'; usage: [--only JOB...] [--full]");
      }
    }
    run(LakehouseConfig.load(), only, full, System.out);
  }

  /**
   * Runs the named jobs (all when none), in a Spark session built from the manifest of the job when one is named,
   * else from {@code jobs/batch.json}.
   */
  public static List<BatchJobOutcome> run(LakehouseConfig config, List<String> only, boolean full,
      PrintStream out) throws Exception {
    List<BatchJob> jobs = BatchJobs.select(BatchSettings.fromConfig(config), only);
    String manifest = jobs.size() == 1 && only != null && !only.isEmpty() ? manifestName(jobs.get(0).name())
        : MANIFEST;
    try (SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, manifest))) {
      BatchMetrics metrics = new BatchMetrics(new PushGateway(config.get("batch.metrics.push.url")), out);
      return new BatchRun(spark, out, parallelism(config), metrics).run(jobs, full);
    }
  }

  /** How many jobs run at once ({@code batch.parallelism}). */
  public static int parallelism(LakehouseConfig config) {
    return config.getInt(BatchSettings.KEY_PREFIX + "parallelism");
  }

  /** A job's manifest: silver.order_event -> jobs/silver_order_event.json. */
  public static String manifestName(String job) {
    return job.replace('.', '_');
  }
}
