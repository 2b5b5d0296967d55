package io.olistlakehouse.streaming;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * What a streaming job's main (spark-submit) and its CLI command do: a Spark session from the job's manifest, the
 * job run to its end ({@code --once}: what Kafka holds now; otherwise until SIGTERM), its lines printed.
 * Configuration as everywhere: LAKEHOUSE_CONFIG and LAKEHOUSE_* overrides, relative paths from -Dlakehouse.home.
 */
public final class StreamingMain {

  private StreamingMain() {}

  /** The body of a layer's {@code main}: {@code [--once]}. */
  public static void main(StreamingLayer<?> layer, String[] args) throws Exception {
    List<String> arguments = List.of(args);
    if (!arguments.stream().allMatch("--once"::equals)) {
      System.err.println("usage: " + layer.jobName() + " [--once]");
      System.exit(2);
    }
    System.out.println(run(LakehouseConfig.load(), layer, arguments.contains("--once")));
  }

  /** In a session of its own, built from the job's manifest. */
  public static <R> StreamingRun.Summary<R> run(LakehouseConfig config, StreamingLayer<R> layer, boolean once)
      throws Exception {
    try (SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, layer.jobName()))) {
      return run(config, spark, layer, once, StreamingListener.printing(System.out));
    }
  }

  /** In the caller's session (the demo runs several steps in one). */
  public static <R> StreamingRun.Summary<R> run(LakehouseConfig config, SparkSession spark, StreamingLayer<R> layer,
      boolean once, StreamingListener<R> listener) throws Exception {
    try (StreamingJob<R> job = layer.open(config, spark, once)) {
      if (once) {
        return StreamingRun.toEnd(job, true, listener);
      }
      // A job that runs until stopped serves its metrics meanwhile.
      try (StreamingMetrics metrics = StreamingMetrics.serve(config, job)) {
        spark.streams().addListener(metrics);
        try {
          return StreamingRun.toEnd(job, false, listener.alsoReportingTo(metrics::microBatch));
        } finally {
          spark.streams().removeListener(metrics);
        }
      }
    }
  }
}
