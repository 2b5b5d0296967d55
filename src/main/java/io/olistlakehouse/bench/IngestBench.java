package io.olistlakehouse.bench;

import io.olistlakehouse.bronze.IngestJob;
import io.olistlakehouse.bronze.IngestMicroBatchReport;
import io.olistlakehouse.bronze.IngestSettings;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.replay.Pacing;
import io.olistlakehouse.replay.ReplayOutcome;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.replay.Replayer;
import io.olistlakehouse.source.OrderSource;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import io.olistlakehouse.streaming.StreamingRun;
import io.olistlakehouse.streaming.StreamingSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;

/**
 * The bronze ingest catching up on a backlog: a synthetic set is replayed with --max into fresh topics first (not
 * timed), then {@code ingest --once} lands all of it into a fresh namespace. Prints and appends to
 * {@code <bench.dir>/ingest.tsv} the catch-up rate (records landed per second of the query, Spark start-up and table
 * creation excluded) and the data files written (count and mean size, from the tables' snapshot summaries). The
 * benchmark's topics, tables and checkpoint are scratch and are removed afterwards unless kept.
 */
public final class IngestBench {

  public record Result(long events, double eventsPerSecond, long dataFiles, double meanFileBytes, Path resultsFile) {}

  private final LakehouseConfig config;
  private final PrintStream out;

  public IngestBench(LakehouseConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public Result run(OrderSource source, Map<String, Object> sourceParameters, boolean keep) throws Exception {
    return run(source, sourceParameters, keep, false);
  }

  /** With {@code vsConnect}, the backlog is then landed again by Iceberg's Kafka Connect sink, the anchor. */
  public Result run(OrderSource source, Map<String, Object> sourceParameters, boolean keep, boolean vsConnect)
      throws Exception {
    Instant started = Instant.now();
    double load = BenchRuns.loadAverage();
    BenchRuns.Scratch scratch = new BenchRuns.Scratch("ingest", BenchRuns.stamp(started));
    String prefix = scratch.topicPrefix();
    LakehouseConfig run = config.withOverrides(Map.of(
        "replay.topic.prefix", prefix,
        "ingest.topic.prefix", prefix,
        "ingest.namespace", scratch.namespace(),
        "ingest.checkpoint.dir", scratch.checkpointDir(config)));
    ReplayTopics topics = ReplayTopics.fromConfig(run);
    StreamingSettings settings = StreamingSettings.from(run, IngestSettings.KEY_PREFIX);
    String connectNamespace = scratch.namespace() + "_connect";
    Catalog catalog = IcebergCatalogs.open(run);
    try (SparkSession spark = SparkSessionFactory.create(run, JobManifest.load(run, IngestJob.LAYER.jobName()))) {
      try {
        out.println("== backlog: replay --max into topics " + prefix + "* (not timed)");
        ReplayOutcome backlog = new Replayer(run, topics, Pacing.MAX, System.err).run(source);
        out.printf(Locale.ROOT, "backlog: %,d events%n", backlog.totalEvents());

        // The run's clock starts after the tables are created: the bench times landing, not DDL.
        out.println("== ingest --once into " + settings.qualifiedNamespace() + ".*");
        StreamingRun.Summary<IngestMicroBatchReport> summary =
            StreamingMain.run(run, spark, IngestJob.LAYER, true, StreamingListener.printing(out));
        long read = IngestMicroBatchReport.read(summary.microBatches());
        if (read != backlog.totalEvents()) {
          throw new IllegalStateException("the ingest read " + read + " records but the backlog holds "
              + backlog.totalEvents() + ": the catch-up rate would be of a partial run");
        }
        TableFileTotals files = TableFileTotals.of(catalog, settings.namespace());
        double seconds = summary.took().toNanos() / 1e9;
        double rate = read / seconds;
        out.printf(Locale.ROOT, "== ingest: %,d records in %d micro-batches, %.1f s: %,.0f events/s; %d data files, "
                + "mean %,.0f bytes%n", read, summary.microBatches().size(), seconds, rate, files.count(),
            files.meanBytes());
        Map<String, Object> row = row(started, load, sourceParameters, summary, read, rate, files, run);
        if (vsConnect) {
          row.putAll(ConnectAnchor.land(run, catalog, settings.namespace(), connectNamespace, topics, scratch,
              backlog.totalEvents(), rate, keep, out));
        }
        BenchResultsFile results = new BenchResultsFile(config.getPath("bench.dir").resolve("ingest.tsv"));
        results.append(BenchResultsFile.row(row));
        out.println("appended to " + results.path());
        return new Result(read, rate, files.count(), files.meanBytes(), results.path());
      } finally {
        if (keep) {
          out.println("kept: topics " + prefix + "*, tables " + settings.namespace() + ".*"
              + (vsConnect ? " and " + connectNamespace + ".*" : "") + ", checkpoint " + settings.checkpointDir());
        } else {
          BenchRuns.dropNamespace(catalog, settings.namespace(), out);
          if (vsConnect) {
            BenchRuns.dropNamespace(catalog, connectNamespace, out);
          }
          BenchRuns.deleteTopics(run, topics.allTopics(), out);
          BenchRuns.deleteDirectory(settings.checkpointDir(), out);
        }
      }
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  private Map<String, Object> row(Instant started, double load, Map<String, Object> sourceParameters,
      StreamingRun.Summary<IngestMicroBatchReport> summary, long read, double rate, TableFileTotals files,
      LakehouseConfig run) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("date", started.toString());
    row.putAll(sourceParameters);
    row.put("load_avg_1m", BenchRuns.formatLoad(load));
    row.put("events", read);
    row.put("batches", summary.microBatches().size());
    row.put("seconds", String.format(Locale.ROOT, "%.1f", summary.took().toNanos() / 1e9));
    row.put("events_per_s", String.format(Locale.ROOT, "%.0f", rate));
    row.put("data_files", files.count());
    row.put("mean_file_bytes", String.format(Locale.ROOT, "%.0f", files.meanBytes()));
    row.put("max_offsets_per_trigger", run.get("ingest.max.offsets.per.trigger"));
    row.put("file_format", run.get("ingest.file.format"));
    row.put("file_compression", run.get("ingest.file.compression"));
    row.put("write_parallelism", run.get("ingest.write.parallelism"));
    row.put("partition_granularity", run.get("ingest.partition.granularity"));
    row.put("shuffle_partitions", config.get("ingest.spark.sql.shuffle.partitions", "-"));
    row.put("partitions", config.get("kafka.default.partitions"));
    return row;
  }
}
