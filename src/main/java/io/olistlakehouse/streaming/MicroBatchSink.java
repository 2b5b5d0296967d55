package io.olistlakehouse.streaming;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where a streaming job's micro-batches go. A micro-batch can be handed over more than once (foreachBatch is
 * at-least-once), so a sink writes each at most once per table, checked with the {@link MicroBatchMarker}.
 *
 * @param <R> what one micro-batch reports
 */
public interface MicroBatchSink<R> {

  /** Creates what the sink writes to when absent (never drops anything); called before the query starts. */
  void prepare() throws Exception;

  R write(Dataset<Row> microBatch, MicroBatchMarker marker) throws Exception;

  /** A write failed or was cut short: forget whatever the sink keeps across micro-batches. */
  default void abandoned() {}
}
