package io.olistlakehouse.bench;

import io.olistlakehouse.bronze.BronzeIngestMain;
import io.olistlakehouse.bronze.BronzeTables;
import io.olistlakehouse.bronze.IngestListener;
import io.olistlakehouse.bronze.IngestRunner;
import io.olistlakehouse.bronze.IngestSettings;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.replay.Pacing;
import io.olistlakehouse.replay.ReplayOutcome;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.replay.Replayer;
import io.olistlakehouse.source.OrderSource;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
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
    IngestSettings settings = IngestSettings.from(run);
    IngestSettings connect = IngestSettings.from(run.withOverrides(Map.of("ingest.namespace",
        scratch.namespace() + "_connect")));
    Catalog catalog = IcebergCatalogs.open(run);
    try (SparkSession spark = SparkSessionFactory.create(run, JobManifest.load(run, BronzeIngestMain.JOB))) {
      try {
        out.println("== backlog: replay --max into topics " + prefix + "* (not timed)");
        ReplayOutcome backlog = new Replayer(run, topics, Pacing.MAX, System.err).run(source);
        out.printf(Locale.ROOT, "backlog: %,d events%n", backlog.totalEvents());

        BronzeTables tables = new BronzeTables(catalog, settings);
        tables.ensureAll(); // created before the clock starts: the bench times landing, not DDL
        out.println("== ingest --once into " + settings.catalogName() + "." + settings.namespace() + ".*");
        IngestRunner.Summary summary = IngestRunner.run(run, spark, true, IngestListener.printing());
        if (summary.read() != backlog.totalEvents()) {
          throw new IllegalStateException("the ingest read " + summary.read() + " records but the backlog holds "
              + backlog.totalEvents() + ": the catch-up rate would be of a partial run");
        }
        DataFiles files = files(tables);
        double seconds = summary.took().toNanos() / 1e9;
        double rate = summary.read() / seconds;
        out.printf(Locale.ROOT, "== ingest: %,d records in %d batches, %.1f s: %,.0f events/s; %d data files, "
                + "mean %,.0f bytes%n", summary.read(), summary.batches().size(), seconds, rate, files.count(),
            files.meanBytes());
        Map<String, Object> row = row(started, load, sourceParameters, summary, rate, files, settings);
        if (vsConnect) {
          row.putAll(ConnectAnchor.land(run, catalog, connect, topics, scratch, backlog.totalEvents(), rate, keep,
              out));
        }
        BenchResultsFile results = new BenchResultsFile(config.getPath("bench.dir").resolve("ingest.tsv"));
        results.append(BenchResultsFile.row(row));
        out.println("appended to " + results.path());
        return new Result(summary.read(), rate, files.count(), files.meanBytes(), results.path());
      } finally {
        if (keep) {
          out.println("kept: topics " + prefix + "*, tables " + settings.namespace() + ".*"
              + (vsConnect ? " and " + connect.namespace() + ".*" : "") + ", checkpoint " + settings.checkpointDir());
        } else {
          dropTables(spark, settings);
          if (vsConnect) {
            dropTables(spark, connect);
          }
          BenchRuns.deleteTopics(run, topics.allTopics(), out);
          BenchRuns.deleteDirectory(settings.checkpointDir(), out);
        }
      }
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  private record DataFiles(long count, long bytes) {
    double meanBytes() {
      return count == 0 ? 0 : (double) bytes / count;
    }
  }

  /** Live data files of the ten tables, from each current snapshot's running totals. */
  private static DataFiles files(BronzeTables tables) {
    long count = 0;
    long bytes = 0;
    for (TableIdentifier id : tables.all()) {
      Snapshot current = tables.load(id).currentSnapshot();
      if (current != null) {
        count += Long.parseLong(current.summary().getOrDefault("total-data-files", "0"));
        bytes += Long.parseLong(current.summary().getOrDefault("total-files-size", "0"));
      }
    }
    return new DataFiles(count, bytes);
  }

  private void dropTables(SparkSession spark, IngestSettings settings) {
    String namespace = settings.catalogName() + "." + settings.namespace();
    for (BronzeStream stream : BronzeStream.values()) {
      BenchRuns.dropTable(spark, namespace + "." + stream.streamName(), out);
    }
    BenchRuns.dropTable(spark, namespace + "." + BronzeTables.DEAD_LETTER, out);
    try {
      spark.sql("DROP NAMESPACE IF EXISTS " + namespace);
    } catch (RuntimeException e) {
      out.println("note: could not drop namespace " + namespace + " (" + e.getMessage() + ")");
    }
  }

  private Map<String, Object> row(Instant started, double load, Map<String, Object> sourceParameters,
      IngestRunner.Summary summary, double rate, DataFiles files, IngestSettings settings) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("date", started.toString());
    row.putAll(sourceParameters);
    row.put("load_avg_1m", BenchRuns.formatLoad(load));
    row.put("events", summary.read());
    row.put("batches", summary.batches().size());
    row.put("seconds", String.format(Locale.ROOT, "%.1f", summary.took().toNanos() / 1e9));
    row.put("events_per_s", String.format(Locale.ROOT, "%.0f", rate));
    row.put("data_files", files.count());
    row.put("mean_file_bytes", String.format(Locale.ROOT, "%.0f", files.meanBytes()));
    row.put("max_offsets_per_trigger", settings.maxOffsetsPerTrigger());
    row.put("file_format", settings.fileFormat());
    row.put("file_compression", settings.fileCompression());
    row.put("write_parallelism", settings.writeParallelism());
    row.put("shuffle_partitions", config.get("ingest.spark.sql.shuffle.partitions", "-"));
    row.put("partitions", config.get("kafka.default.partitions"));
    return row;
  }
}
