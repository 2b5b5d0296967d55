package io.olistlakehouse.bench;

import io.olistlakehouse.batch.BatchJobs;
import io.olistlakehouse.batch.BatchMain;
import io.olistlakehouse.batch.BatchRun;
import io.olistlakehouse.batch.incremental.BatchJob;
import io.olistlakehouse.batch.incremental.BatchJobOutcome;
import io.olistlakehouse.batch.incremental.BatchSettings;
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
import io.olistlakehouse.streaming.StreamingSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;

/**
 * The batch layer's incremental run against its full one: a synthetic backlog is replayed with --max into fresh
 * topics and landed by {@code ingest --once} into a fresh bronze namespace (not timed); a batch run of all jobs into
 * fresh silver and gold namespaces (their first run, so a full one) is timed; then 1% more orders from another seed
 * (other order ids) are replayed into the same topics and landed (not timed), and the next batch run, the
 * incremental one, is timed. Prints both times and their ratio and appends them to {@code <bench.dir>/batch.tsv}.
 * The benchmark's topics, tables and checkpoint are scratch and are removed afterwards unless kept.
 */
public final class BatchBench {

  public record Result(double fullSeconds, double incrementalSeconds, double ratio, Path resultsFile) {}

  /** The orders appended between the two runs: 1% of the backlog, at least one. */
  public static long appendedOrders(long orders) {
    if (orders < 1) {
      throw new IllegalArgumentException("the backlog must hold at least one order, was " + orders);
    }
    return Math.max(1, orders / 100);
  }

  /** The appended orders' generator seed: another seed than the backlog's, so their order ids are new. */
  public static long appendedSeed(long seed) {
    return seed + 1;
  }

  private final LakehouseConfig config;
  private final PrintStream out;

  public BatchBench(LakehouseConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /**
   * {@code parameters} are the sets' as the results file records them (orders, seed, appended_orders,
   * appended_seed); {@code backlog} and {@code appended} are those sets opened.
   */
  public Result run(OrderSource backlog, OrderSource appended, Map<String, Object> parameters, boolean keep)
      throws Exception {
    Instant started = Instant.now();
    double load = BenchRuns.loadAverage();
    BenchRuns.Scratch scratch = new BenchRuns.Scratch("batch", BenchRuns.stamp(started));
    String prefix = scratch.topicPrefix();
    String bronze = scratch.namespace() + "_bronze";
    String silver = scratch.namespace() + "_silver";
    String gold = scratch.namespace() + "_gold";
    LakehouseConfig run = config.withOverrides(Map.of(
        "replay.topic.prefix", prefix,
        "ingest.topic.prefix", prefix,
        "ingest.namespace", bronze,
        "ingest.checkpoint.dir", scratch.checkpointDir(config),
        "batch.bronze.namespace", bronze,
        "batch.silver.namespace", silver,
        "batch.gold.namespace", gold));
    ReplayTopics topics = ReplayTopics.fromConfig(run);
    StreamingSettings ingest = StreamingSettings.from(run, IngestSettings.KEY_PREFIX);
    List<BatchJob> jobs = BatchJobs.all(BatchSettings.fromConfig(run));
    Catalog catalog = IcebergCatalogs.open(run);
    // One session for the whole bench, built as `bin/lakehouse batch` builds its own (jobs/batch.json and the
    // batch.spark.* keys), created before anything is timed. Both batch runs reuse it, so neither is charged with
    // session start-up. The ingests (not timed) run in it too: a JVM holds one SparkContext, and closing a session
    // of their own would stop it.
    try (SparkSession spark = SparkSessionFactory.create(run, JobManifest.load(run, BatchMain.MANIFEST))) {
      try {
        out.println("== backlog: replay --max of " + backlog.orderCount() + " orders into topics " + prefix
            + "* and ingest --once into " + ingest.qualifiedNamespace() + ".* (not timed)");
        ReplayOutcome backlogReplay = new Replayer(run, topics, Pacing.MAX, System.err).run(backlog);
        long backlogEvents = BenchBacklog.land(run, spark, backlogReplay.published(), out);

        out.println("== full batch run: " + jobs.size() + " jobs into " + silver + ".* and " + gold + ".*");
        Timed fullRun = timedBatchRun(spark, jobs);
        long notFull = fullRun.outcomes().stream().filter(o -> o.kind() != BatchJobOutcome.Kind.FULL).count();
        if (notFull > 0) {
          throw new IllegalStateException(notFull + " jobs of the first run on empty namespaces were not full "
              + "recomputes: the full time would not be of a full run");
        }

        out.println("== appended: replay --max of " + appended.orderCount() + " more orders into the same topics "
            + "and ingest --once (not timed)");
        ReplayOutcome appendedReplay = new Replayer(run, topics, Pacing.MAX, System.err).run(appended);
        long appendedEvents = BenchBacklog.land(run, spark, appendedReplay.published(), out);

        out.println("== incremental batch run");
        Timed incrementalRun = timedBatchRun(spark, jobs);

        double ratio = incrementalRun.seconds() / fullRun.seconds();
        out.printf(Locale.ROOT, "== full run: %,d events in bronze, %s, %.1f s%n", backlogEvents,
            fullRun.describe(), fullRun.seconds());
        out.printf(Locale.ROOT, "== incremental run: %,d events appended, %s, %.1f s%n", appendedEvents,
            incrementalRun.describe(), incrementalRun.seconds());
        out.printf(Locale.ROOT, "== incremental / full: %.3f%n", ratio);
        if (incrementalRun.count(BatchJobOutcome.Kind.FULL) > 0) {
          out.println("note: the incremental run recomputed some jobs in full (see their lines above)");
        }
        BenchResultsFile results = new BenchResultsFile(config.getPath("bench.dir").resolve("batch.tsv"));
        results.append(BenchResultsFile.row(row(started, load, parameters, backlogEvents, appendedEvents, jobs.size(),
            fullRun, incrementalRun, ratio, run)));
        out.println("appended to " + results.path());
        return new Result(fullRun.seconds(), incrementalRun.seconds(), ratio, results.path());
      } finally {
        if (keep) {
          out.println("kept: topics " + prefix + "*, tables " + bronze + ".*, " + silver + ".*, " + gold
              + ".*, checkpoint " + ingest.checkpointDir());
        } else {
          BenchRuns.dropNamespace(catalog, gold, out);
          BenchRuns.dropNamespace(catalog, silver, out);
          BenchRuns.dropNamespace(catalog, bronze, out);
          BenchRuns.deleteTopics(run, topics.allTopics(), out);
          BenchRuns.deleteDirectory(ingest.checkpointDir(), out);
        }
      }
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  /** Wall time of one batch run of all jobs in the bench's session (the session's start-up is not in it). */
  private Timed timedBatchRun(SparkSession spark, List<BatchJob> jobs) throws Exception {
    long start = System.nanoTime();
    List<BatchJobOutcome> outcomes = new BatchRun(spark, out, BatchMain.parallelism(config)).run(jobs, false);
    return new Timed(outcomes, (System.nanoTime() - start) / 1e9);
  }

  private record Timed(List<BatchJobOutcome> outcomes, double seconds) {

    long committed() {
      return outcomes.stream().filter(BatchJobOutcome::committed).count();
    }

    long count(BatchJobOutcome.Kind kind) {
      return outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    String describe() {
      return String.format(Locale.ROOT, "%d of %d jobs committed (%d full, %d incremental)", committed(),
          outcomes.size(), count(BatchJobOutcome.Kind.FULL), count(BatchJobOutcome.Kind.INCREMENTAL));
    }
  }

  private Map<String, Object> row(Instant started, double load, Map<String, Object> parameters, long backlogEvents,
      long appendedEvents, int jobs, Timed full, Timed incremental, double ratio, LakehouseConfig run) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("date", started.toString());
    row.putAll(parameters);
    row.put("load_avg_1m", BenchRuns.formatLoad(load));
    row.put("events", backlogEvents);
    row.put("appended_events", appendedEvents);
    row.put("jobs", jobs);
    row.put("full_committed", full.committed());
    row.put("incremental_committed", incremental.committed());
    row.put("incremental_full_jobs", incremental.count(BatchJobOutcome.Kind.FULL));
    row.put("full_seconds", String.format(Locale.ROOT, "%.1f", full.seconds()));
    row.put("incremental_seconds", String.format(Locale.ROOT, "%.1f", incremental.seconds()));
    row.put("ratio", String.format(Locale.ROOT, "%.3f", ratio));
    row.put("spark_master", run.get("spark.master"));
    row.put("shuffle_partitions", run.get("batch.spark.sql.shuffle.partitions",
        run.get("spark.sql.shuffle.partitions", "-")));
    row.put("partition_granularity", run.get("ingest.partition.granularity"));
    row.put("file_format", run.get("ingest.file.format"));
    row.put("partitions", run.get("kafka.default.partitions"));
    return row;
  }
}
