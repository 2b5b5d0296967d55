package io.olistlakehouse.speed;

import io.olistlakehouse.spark.KafkaSource;
import io.olistlakehouse.streaming.MicroBatchGate;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The speed layer's one Structured Streaming query: Kafka (four order-scoped topics) -> decoded events -> event-time
 * watermark -> per-order state ({@link OrderStateFunction}, keyed by order_id, event-time timeouts) -> the three
 * speed tables ({@link SpeedSink}). Offsets and state live in the checkpoint.
 */
public final class SpeedJob {

  public static final String QUERY_NAME = "speed";

  private final SparkSession spark;
  private final SpeedSettings settings;
  private final SpeedTables tables;
  private final MicroBatchGate batchGate = new MicroBatchGate();

  public SpeedJob(SparkSession spark, SpeedSettings settings) {
    this.spark = spark;
    this.settings = settings;
    this.tables = new SpeedTables(spark, settings);
  }

  public MicroBatchGate batchGate() {
    return batchGate;
  }

  public SpeedTables tables() {
    return tables;
  }

  /** {@code once}: what Kafka holds now, then stop (Trigger.AvailableNow); otherwise until stopped. */
  public StreamingQuery start(boolean once, Consumer<SpeedMicroBatchReport> reports) throws TimeoutException {
    tables.ensureAll();
    // One task per Kafka partition (24) would cost each small batch as many task launches, closure reads and
    // per-task code generation; a few tasks, each reading several partitions in turn, do the same work for less.
    Dataset<Row> kafka = KafkaSource.read(spark, settings.bootstrapServers(), SpeedEventFrames.topics(settings),
        settings.maxOffsetsPerTrigger(), settings.kafkaOptions()).coalesce(settings.readTasks());
    Dataset<Row> events = SpeedEventFrames.forTracker(SpeedEventFrames.watermarked(kafka, settings));
    // Grouped by a column rather than a key function, which would turn every row into a Java object first.
    Dataset<Row> output = events
        .groupBy(SpeedEventRows.groupKey())
        .as(Encoders.STRING(), Encoders.row(events.schema()))
        .flatMapGroupsWithState(new OrderStateFunction(settings.tracker()), OutputMode.Update(),
            Encoders.bean(OrderState.class), Encoders.row(SpeedOutput.SCHEMA), GroupStateTimeout.EventTimeTimeout());
    return output.writeStream()
        .queryName(QUERY_NAME)
        .outputMode(OutputMode.Update())
        .option("checkpointLocation", settings.checkpointDir().toString())
        .trigger(once ? Trigger.AvailableNow() : Trigger.ProcessingTime(settings.triggerInterval().toMillis()))
        .foreachBatch(new SpeedSink(tables, settings.maintenance(tables, once), settings.tracker().windows(),
            batchGate, reports))
        .start();
  }
}
