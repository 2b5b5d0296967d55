package io.olistlakehouse.streaming;

import io.olistlakehouse.config.LakehouseConfig;
import org.apache.spark.sql.SparkSession;

/**
 * A streaming layer as its spark-submit main, its CLI command, the demo and the benchmarks know it: the name of its
 * manifest in jobs/ and how its job is wired (source, sink and settings) from the configuration.
 */
public record StreamingLayer<R>(String jobName, Wiring<R> wiring) {

  @FunctionalInterface
  public interface Wiring<R> {
    StreamingJob<R> open(LakehouseConfig config, SparkSession spark, boolean once) throws Exception;
  }

  /** The job wired for a run; {@code once}: a run that ends when Kafka's backlog is written. */
  public StreamingJob<R> open(LakehouseConfig config, SparkSession spark, boolean once) throws Exception {
    return wiring.open(config, spark, once);
  }
}
