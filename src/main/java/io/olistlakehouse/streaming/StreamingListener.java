package io.olistlakehouse.streaming;

import java.io.PrintStream;
import java.util.function.Consumer;
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

  /** This listener, and each report also to {@code reports}. */
  default StreamingListener<R> alsoReportingTo(Consumer<? super R> reports) {
    StreamingListener<R> first = this;
    return new StreamingListener<>() {
      @Override
      public void started(StreamingQuery query, StreamingJob<R> job) {
        first.started(query, job);
      }

      @Override
      public void microBatch(R report) {
        first.microBatch(report);
        reports.accept(report);
      }
    };
  }

  static <R> StreamingListener<R> silent() {
    return new StreamingListener<>() {};
  }
}
