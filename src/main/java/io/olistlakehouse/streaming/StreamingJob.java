package io.olistlakehouse.streaming;

import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.OutputMode;

/**
 * A layer's streaming job as {@link StreamingRun} runs it: a streaming plan over its source, the sink its
 * micro-batches go to, and its settings. The job itself only builds the plan; the query, the trigger, the gate and
 * the graceful stop are the same for every layer.
 *
 * @param <R> what one micro-batch reports
 */
public interface StreamingJob<R> extends AutoCloseable {

  /** The query's name (also the manifest name of the job in jobs/). */
  String name();

  StreamingSettings settings();

  /** The streaming Dataset whose micro-batches the sink receives. */
  Dataset<Row> plan();

  MicroBatchSink<R> sink();

  default OutputMode outputMode() {
    return OutputMode.Append();
  }

  /** What the job reads and writes, for the line printed when it starts. */
  String describe();

  /** One line for a whole run. */
  String summarize(List<R> microBatches, Duration took);

  /** Releases what the job opened (catalogs); the Spark session is the caller's. */
  @Override
  default void close() {}
}
