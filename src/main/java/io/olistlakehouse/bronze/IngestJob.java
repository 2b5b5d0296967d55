package io.olistlakehouse.bronze;

import io.olistlakehouse.spark.KafkaSource;
import io.olistlakehouse.streaming.MicroBatchGate;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The bronze ingest: one Structured Streaming query over the nine bronze topics whose batches {@link IngestSink}
 * lands. Kafka offsets live in the checkpoint; which batch reached which table lives in the tables themselves.
 */
public final class IngestJob {

  public static final String QUERY_NAME = "bronze_ingest";

  private final SparkSession spark;
  private final IngestSettings settings;
  private final BronzeTables tables;
  private final MicroBatchGate batchGate = new MicroBatchGate();

  public IngestJob(SparkSession spark, IngestSettings settings, BronzeTables tables) {
    this.spark = spark;
    this.settings = settings;
    this.tables = tables;
  }

  /** What a batch passes through while it writes: whoever stops the query closes it between batches. */
  public MicroBatchGate batchGate() {
    return batchGate;
  }

  /**
   * Creates missing tables, then starts the query. With {@code once}, the query lands what Kafka holds now (in
   * batches of at most the configured offsets) and stops; otherwise it runs until stopped.
   */
  public StreamingQuery start(boolean once, Consumer<IngestMicroBatchReport> reports) throws TimeoutException {
    tables.ensureAll();
    Dataset<Row> kafka = KafkaSource.read(spark, settings.bootstrapServers(), settings.topics().all(),
        settings.maxOffsetsPerTrigger(), settings.kafkaOptions());
    return kafka.writeStream()
        .queryName(QUERY_NAME)
        .option("checkpointLocation", settings.checkpointDir().toString())
        .trigger(once ? Trigger.AvailableNow() : Trigger.ProcessingTime(settings.triggerInterval().toMillis()))
        .foreachBatch(new IngestSink(settings, tables, batchGate, reports))
        .start();
  }
}
