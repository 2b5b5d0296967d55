package io.olistlakehouse.speed;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.actions.SizeBasedFileRewritePlanner;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;

/**
 * Keeps the speed tables small enough for a MERGE per micro-batch. Every batch adds data and delete files and a
 * snapshot to each table it writes, and every MERGE reads all live files: left alone, a job that runs for hours
 * slows down batch by batch. Every n-th batch the upserted tables are rewritten (deletes applied, dangling delete
 * files removed), and snapshots older than the retention are expired on all three.
 *
 * <p>Safe across restarts: a rewrite changes no row, and a replayed batch's own commit stays among the snapshots
 * kept ({@link #RETAIN_LAST}), where {@link SpeedTables#commitOnce} finds it.
 */
public final class SpeedMaintenance {

  /** Always kept, whatever their age: the idempotency check needs the latest batch's commit in the ancestry. */
  static final int RETAIN_LAST = 10;

  /** What one maintenance run did: live files of the rewritten tables before and after, snapshots expired. */
  public record Report(long dataFilesBefore, long deleteFilesBefore, long dataFilesAfter, long deleteFilesAfter,
      int expiredSnapshots, Duration took) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "maintenance %.1f s: %d data and %d delete files rewritten into %d data and "
          + "%d delete files, %d snapshots expired", took.toMillis() / 1000.0, dataFilesBefore, deleteFilesBefore,
          dataFilesAfter, deleteFilesAfter, expiredSnapshots);
    }
  }

  private final SpeedTables tables;
  private final long everyBatches;
  private final Duration snapshotRetention;

  SpeedMaintenance(SpeedTables tables, long everyBatches, Duration snapshotRetention) {
    this.tables = tables;
    this.everyBatches = everyBatches;
    this.snapshotRetention = snapshotRetention;
  }

  boolean due(long batchId) {
    return everyBatches > 0 && batchId > 0 && batchId % everyBatches == 0;
  }

  Report run(SparkSession spark) throws Exception {
    long start = System.nanoTime();
    long[] before = new long[2];
    long[] after = new long[2];
    for (String name : List.of(SpeedTables.ORDER_DELIVERY, SpeedTables.KPI_MINUTE)) {
      Table table = load(spark, name);
      addLiveFiles(table, before);
      // The new files take the rewrite's own sequence number (safe: this job is the tables' only writer and holds
      // the batch lock), so the deletes they absorbed point at no live file; rewriting the delete files drops them.
      SparkActions.get(spark).rewriteDataFiles(table)
          .option(SizeBasedFileRewritePlanner.REWRITE_ALL, "true")
          .option(RewriteDataFiles.USE_STARTING_SEQUENCE_NUMBER, "false")
          .execute();
      table.refresh();
      SparkActions.get(spark).rewritePositionDeletes(table)
          .option(SizeBasedFileRewritePlanner.REWRITE_ALL, "true")
          .execute();
      table.refresh();
      addLiveFiles(table, after);
    }
    int expired = 0;
    long cutoff = System.currentTimeMillis() - snapshotRetention.toMillis();
    for (String name : List.of(SpeedTables.ORDER_DELIVERY, SpeedTables.KPI_MINUTE, SpeedTables.LATE_EVENTS)) {
      Table table = load(spark, name);
      if (table.currentSnapshot() == null) {
        continue;
      }
      int snapshots = snapshotCount(table);
      table.expireSnapshots().expireOlderThan(cutoff).retainLast(RETAIN_LAST).commit();
      table.refresh();
      expired += snapshots - snapshotCount(table);
    }
    return new Report(before[0], before[1], after[0], after[1], expired,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** Adds the table's live data files to counts[0] and delete files to counts[1], from its snapshot summary. */
  private static void addLiveFiles(Table table, long[] counts) {
    Snapshot current = table.currentSnapshot();
    if (current != null) {
      counts[0] += Long.parseLong(current.summary().getOrDefault(SnapshotSummary.TOTAL_DATA_FILES_PROP, "0"));
      counts[1] += Long.parseLong(current.summary().getOrDefault(SnapshotSummary.TOTAL_DELETE_FILES_PROP, "0"));
    }
  }

  private Table load(SparkSession spark, String name) throws Exception {
    return Spark3Util.loadIcebergTable(spark, tables.name(name));
  }

  private static int snapshotCount(Table table) {
    int count = 0;
    for (var ignored : table.snapshots()) {
      count++;
    }
    return count;
  }
}
