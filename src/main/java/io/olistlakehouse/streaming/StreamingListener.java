package io.olistlakehouse.streaming;

import java.io.PrintStream;
import org.apache.spark.sql.streaming.StreamingQuery;

/** What a caller of {@link StreamingRun} hears: the query started, then one report per micro-batch. */
public interface StreamingListener<R> {

  default void started(StreamingQuery query, StreamingJob<R> job) {}

  default void microBatch(R report) {}

  /** Prints both, as the CLI and spark-submit do. */
  static <R> StreamingListener<R> printing(PrintStream out) {
    return new StreamingListener<>() {
      @Override
      public void started(StreamingQuery query, StreamingJob<R> job) {
        out.printf("%s started: query %s, %s, checkpoint %s%n", job.name(), query.id(), job.describe(),
            job.settings().checkpointDir());
      }

      @Override
      public void microBatch(R report) {
        out.println(report);
      }
    };
  }

  static <R> StreamingListener<R> silent() {
    return new StreamingListener<>() {};
  }
}
