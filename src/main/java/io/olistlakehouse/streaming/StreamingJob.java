package io.olistlakehouse.streaming;

import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.OutputMode;

/**
 * A layer's streaming job as {@link StreamingRun} runs it: given its source (a streaming Dataset, Kafka in production),
 * the sink its micro-batches go to, and its settings. A layer only says what it computes between the two ({@link
 * #plan()}); the query, the trigger, the gate and the graceful stop are the same for every layer.
 *
 * @param <R> what one micro-batch reports
 */
public abstract class StreamingJob<R> implements AutoCloseable {

  private final String name;
  private final Dataset<Row> source;
  private final MicroBatchSink<R> sink;
  private final StreamingSettings settings;

  protected StreamingJob(String name, Dataset<Row> source, MicroBatchSink<R> sink, StreamingSettings settings) {
    this.name = name;
    this.source = source;
    this.sink = sink;
    this.settings = settings;
  }

  /** The query's name (also the manifest name of the job in jobs/). */
  public final String name() {
    return name;
  }

  public final StreamingSettings settings() {
    return settings;
  }

  public final MicroBatchSink<R> sink() {
    return sink;
  }

  protected final Dataset<Row> source() {
    return source;
  }

  /** The streaming Dataset whose micro-batches the sink receives: the source as it is, unless a layer says more. */
  public Dataset<Row> plan() {
    return source;
  }

  public OutputMode outputMode() {
    return OutputMode.Append();
  }

  /** The reasons its dead letters can have: their counters start at 0 ({@link StreamingMetrics}). */
  public List<String> deadLetterReasons() {
    return List.of();
  }

  /** What the job reads and writes, for the line printed when it starts. */
  public abstract String describe();

  /** One line for a whole run. */
  public abstract String summarize(List<R> microBatches, Duration took);

  /** Releases what the job opened (catalogs); the Spark session is the caller's. */
  @Override
  public void close() {}
}
