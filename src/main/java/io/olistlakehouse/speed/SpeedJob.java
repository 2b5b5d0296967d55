package io.olistlakehouse.speed;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.streaming.MicroBatchSink;
import io.olistlakehouse.streaming.StreamingJob;
import io.olistlakehouse.streaming.StreamingLayer;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;

/**
 * The speed layer: Kafka records of four order-scoped topics -> decoded events -> event-time watermark -> per-order
 * state ({@link OrderStateFunction}, keyed by order_id, event-time timeouts) -> the sink ({@link SpeedSink}, the three
 * speed tables). Offsets and state live in the checkpoint.
 */
public final class SpeedJob extends StreamingJob<SpeedMicroBatchReport> {

  public static final StreamingLayer<SpeedMicroBatchReport> LAYER = new StreamingLayer<>("speed", SpeedJob::open);

  private final SpeedSettings settings;

  /** {@code source}: Kafka records (key, value, topic, partition, offset, timestamp) of the speed topics. */
  public SpeedJob(Dataset<Row> source, MicroBatchSink<SpeedMicroBatchReport> sink, SpeedSettings settings) {
    super(LAYER.jobName(), source, sink, settings.stream());
    this.settings = settings;
  }

  /** The speed topics of Kafka into the speed tables of the configured catalog; {@code once} for --once runs. */
  public static SpeedJob open(LakehouseConfig config, SparkSession spark, boolean once) throws Exception {
    SpeedSettings settings = SpeedSettings.from(config);
    SpeedTopics.require(settings);
    // One task per Kafka partition (24) would cost each small micro-batch as many task launches, closure reads and
    // per-task code generation; a few tasks, each reading several partitions in turn, do the same work for less.
    Dataset<Row> kafka = settings.stream().readKafka(spark, SpeedEventFrames.topics(settings))
        .coalesce(settings.readTasks());
    SpeedTables tables = new SpeedTables(spark, settings);
    return new SpeedJob(kafka, new SpeedSink(tables, settings.maintenance(tables, once),
        settings.tracker().windows(), settings.openOrderRetention()), settings);
  }

  @Override
  public Dataset<Row> plan() {
    Dataset<Row> events = SpeedEventFrames.forTracker(SpeedEventFrames.watermarked(source(), settings));
    // Grouped by a column rather than a key function, which would turn every row into a Java object first.
    return events
        .groupBy(SpeedEventRows.groupKey())
        .as(Encoders.STRING(), Encoders.row(events.schema()))
        .flatMapGroupsWithState(new OrderStateFunction(settings.tracker()), OutputMode.Update(),
            Encoders.bean(OrderState.class), Encoders.row(SpeedOutput.SCHEMA), GroupStateTimeout.EventTimeTimeout());
  }

  @Override
  public OutputMode outputMode() {
    return OutputMode.Update();
  }

  @Override
  public String describe() {
    return "topics " + SpeedEventFrames.topics(settings) + ", tables " + settings.stream().qualifiedNamespace()
        + ".*";
  }

  @Override
  public String summarize(List<SpeedMicroBatchReport> microBatches, Duration took) {
    return String.format("%d micro-batches: %d order rows, %d KPI contributions, %d late events (%.1f s)",
        microBatches.size(), microBatches.stream().mapToLong(SpeedMicroBatchReport::orderRows).sum(),
        microBatches.stream().mapToLong(SpeedMicroBatchReport::kpiContributions).sum(),
        microBatches.stream().mapToLong(SpeedMicroBatchReport::lateEvents).sum(), took.toMillis() / 1000.0);
  }
}
