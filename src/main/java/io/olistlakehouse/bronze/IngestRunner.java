package io.olistlakehouse.bronze;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.streaming.GracefulStop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/** Runs the ingest to its end (--once) or until stopped, for the CLI, spark-submit and the bench alike. */
public final class IngestRunner {

  /** The batches a run landed and how long the query ran (from its start to its end, session start excluded). */
  public record Summary(List<IngestMicroBatchReport> batches, Duration took) {

    public long read() {
      return batches.stream().mapToLong(IngestMicroBatchReport::read).sum();
    }

    public long deadLetters() {
      return batches.stream().mapToLong(IngestMicroBatchReport::deadLetters).sum();
    }

    @Override
    public String toString() {
      return String.format("%d records read in %d batches: %d landed, %d dead letters (%.1f s)", read(),
          batches.size(), read() - deadLetters(), deadLetters(), took.toMillis() / 1000.0);
    }
  }

  private IngestRunner() {}

  public static Summary run(LakehouseConfig config, SparkSession spark, boolean once, IngestListener listener)
      throws Exception {
    IngestSettings settings = IngestSettings.from(config);
    Catalog catalog = IcebergCatalogs.open(config);
    List<IngestMicroBatchReport> batches = Collections.synchronizedList(new ArrayList<>());
    try {
      IngestJob job = new IngestJob(spark, settings, new BronzeTables(catalog, settings));
      long start = System.nanoTime();
      StreamingQuery query = job.start(once, report -> {
        batches.add(report);
        listener.landed(report);
      });
      listener.started(query, settings);
      try (GracefulStop ignored = GracefulStop.install(query, job.batchGate(), settings.stopGrace())) {
        query.awaitTermination();
      }
      return new Summary(List.copyOf(batches), Duration.ofNanos(System.nanoTime() - start));
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }
}
