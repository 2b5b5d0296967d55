package io.olistlakehouse.bronze;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.decode.DeadLetterReason;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.streaming.MicroBatchSink;
import io.olistlakehouse.streaming.StreamingJob;
import io.olistlakehouse.streaming.StreamingLayer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The bronze ingest: the nine bronze topics, as Kafka hands them over, into {@link IngestSink}, which lands each
 * micro-batch exactly once in the bronze tables. Kafka offsets live in the checkpoint; which micro-batch reached
 * which table lives in the tables themselves.
 */
public final class IngestJob extends StreamingJob<IngestMicroBatchReport> {

  public static final StreamingLayer<IngestMicroBatchReport> LAYER =
      new StreamingLayer<>("bronze_ingest", IngestJob::open);

  private final IngestSettings settings;
  private final Runnable closer;

  public IngestJob(Dataset<Row> source, MicroBatchSink<IngestMicroBatchReport> sink, IngestSettings settings,
      Runnable closer) {
    super(LAYER.jobName(), source, sink, settings.stream());
    this.settings = settings;
    this.closer = closer;
  }

  /** Kafka's bronze topics into the bronze tables of the configured catalog (the same for --once runs). */
  public static IngestJob open(LakehouseConfig config, SparkSession spark, boolean once) {
    IngestSettings settings = IngestSettings.from(config);
    Catalog catalog = IcebergCatalogs.open(config);
    Dataset<Row> kafka = settings.stream().readKafka(spark, settings.topics().all());
    return new IngestJob(kafka, new IngestSink(settings, new BronzeTables(catalog, settings)), settings,
        () -> IcebergCatalogs.closeQuietly(catalog));
  }

  @Override
  public List<String> deadLetterReasons() {
    return Arrays.stream(DeadLetterReason.values()).map(Enum::name).toList();
  }

  @Override
  public String describe() {
    return "topics " + settings.topics().all() + ", tables " + settings.stream().qualifiedNamespace() + ".*";
  }

  @Override
  public String summarize(List<IngestMicroBatchReport> microBatches, Duration took) {
    long read = IngestMicroBatchReport.read(microBatches);
    long deadLetters = IngestMicroBatchReport.deadLetters(microBatches);
    return String.format("%d records read in %d micro-batches: %d landed, %d dead letters (%.1f s)", read,
        microBatches.size(), read - deadLetters, deadLetters, took.toMillis() / 1000.0);
  }

  @Override
  public void close() {
    closer.run();
  }
}
