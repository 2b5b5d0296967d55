package io.olistlakehouse.speed;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;

/**
 * Keeps the speed tables cheap to read. Every batch adds a data file, an equality-delete file and a snapshot to each
 * table it upserts, and every reader applies all live delete files: left alone, a job that runs for hours makes
 * its tables slower to read batch by batch. Every n-th batch starts a maintenance run on a thread of its own, so the
 * batches go on meanwhile: the upserted tables are rewritten into one data file each ({@link TableCompaction}) and
 * snapshots older than the retention are expired on all three. One run at a time; a batch that falls due while one
 * is running starts none. A run that fails fails the next batch, and so the job.
 *
 * <p>Safe across restarts: a rewrite changes no row, and a replayed batch's own commit stays among the snapshots
 * kept ({@link #RETAIN_LAST}), where {@link SpeedTables#commitOnce} finds it.
 */
public final class SpeedMaintenance {

  /** Always kept, whatever their age: the idempotency check needs the latest batch's commit in the ancestry. */
  static final int RETAIN_LAST = 10;

  /** The key each upserted table is upserted by. */
  private static final Map<String, String> KEYS = Map.of(SpeedTables.ORDER_DELIVERY, "order_id",
      SpeedTables.KPI_MINUTE, "window_start");

  /** What one maintenance run did. */
  public record Report(long startedAtBatch, long dataFilesRewritten, long deleteFilesRemoved, long dataFilesWritten,
      int conflicts, int expiredSnapshots, Duration took) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "maintenance of batch %d done in %.1f s: %d data and %d delete files "
          + "rewritten into %d data files, %d snapshots expired%s", startedAtBatch, took.toMillis() / 1000.0,
          dataFilesRewritten, deleteFilesRemoved, dataFilesWritten, expiredSnapshots,
          conflicts == 0 ? "" : ", " + conflicts + " table(s) left to the next run after a conflicting commit");
    }
  }

  private final SpeedTables tables;
  private final long everyBatches;
  private final Duration snapshotRetention;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "speed-maintenance");
    t.setDaemon(true);
    return t;
  });
  private Future<Report> running;

  SpeedMaintenance(SpeedTables tables, long everyBatches, Duration snapshotRetention) {
    this.tables = tables;
    this.everyBatches = everyBatches;
    this.snapshotRetention = snapshotRetention;
  }

  /**
   * Called after each batch's commits: returns the report of a run that finished since (or null), and starts a run
   * when this batch is due and none is running.
   */
  synchronized Report afterBatch(SparkSession spark, long batchId) throws Exception {
    Report finished = running != null && running.isDone() ? collect() : null;
    if (due(batchId) && running == null) {
      running = worker.submit(() -> run(spark, batchId));
    }
    return finished;
  }

  /**
   * At the end of a job: waits for a run in progress and returns its report (null when none was running); no run
   * starts after this.
   */
  public synchronized Report finish() throws Exception {
    worker.shutdown();
    return running == null ? null : collect();
  }

  private Report collect() throws Exception {
    Future<Report> done = running;
    running = null;
    try {
      return done.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  boolean due(long batchId) {
    return everyBatches > 0 && batchId > 0 && batchId % everyBatches == 0;
  }

  private Report run(SparkSession spark, long batchId) throws Exception {
    long start = System.nanoTime();
    long rewritten = 0;
    long removed = 0;
    long written = 0;
    int conflicts = 0;
    for (Map.Entry<String, String> upserted : KEYS.entrySet()) {
      TableCompaction compaction = TableCompaction.of(load(spark, upserted.getKey()), upserted.getValue());
      if (compaction != null) {
        TableCompaction.Result r = compaction.run(batchId);
        rewritten += r.dataFilesRewritten();
        removed += r.deleteFilesRemoved();
        written += r.dataFilesWritten();
        conflicts += r.conflicted() ? 1 : 0;
      }
    }
    int expired = 0;
    long cutoff = System.currentTimeMillis() - snapshotRetention.toMillis();
    for (String name : List.of(SpeedTables.ORDER_DELIVERY, SpeedTables.KPI_MINUTE, SpeedTables.LATE_EVENTS)) {
      Table table = load(spark, name);
      if (table.currentSnapshot() == null) {
        continue;
      }
      Set<Long> before = snapshotIds(table);
      table.expireSnapshots().expireOlderThan(cutoff).retainLast(RETAIN_LAST).commit();
      table.refresh();
      before.removeAll(snapshotIds(table));
      expired += before.size();
    }
    return new Report(batchId, rewritten, removed, written, conflicts, expired,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private Table load(SparkSession spark, String name) throws Exception {
    return Spark3Util.loadIcebergTable(spark, tables.name(name));
  }

  private static Set<Long> snapshotIds(Table table) {
    Set<Long> ids = new HashSet<>();
    table.snapshots().forEach(snapshot -> ids.add(snapshot.snapshotId()));
    return ids;
  }
}
