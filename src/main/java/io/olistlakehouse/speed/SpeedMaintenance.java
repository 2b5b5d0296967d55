package io.olistlakehouse.speed;

import io.olistlakehouse.streaming.TableFiles;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;

/**
 * Keeps the speed tables cheap to read. Every batch adds a data file, an equality-delete file and a snapshot to each
 * table it upserts, and every reader applies all live delete files: left alone, a job that runs for hours makes
 * its tables slower to read batch by batch. Every n-th batch the upserted tables are rewritten into one data file
 * each, their delete files removed in the same commit, and snapshots older than the retention are expired on all
 * three.
 *
 * <p>Safe across restarts: a rewrite changes no row, and a replayed batch's own commit stays among the snapshots
 * kept ({@link #RETAIN_LAST}), where {@link SpeedTables#commitOnce} finds it. Safe beside running batches (see
 * {@link MaintenanceSchedule}): each run loads its own table objects, a rewrite keeps its base snapshot's sequence
 * number ({@link Rewrite#commit}), and Iceberg retries a commit that lost the race to a batch's.
 */
public final class SpeedMaintenance {

  /** Always kept, whatever their age: the idempotency check needs the latest batch's commit in the ancestry. */
  static final int RETAIN_LAST = 10;

  /**
   * What one maintenance run did: live files of the rewritten tables before and after, snapshots expired; whether it
   * ran beside the batches (its time is then not the batch's), and why it failed if it did.
   */
  public record Report(long dataFilesBefore, long deleteFilesBefore, long dataFilesAfter, long deleteFilesAfter,
      int expiredSnapshots, Duration took, boolean background, String failure) {

    /** A run beside the batches that failed (one on the batch's thread fails the batch instead). */
    static Report failed(Duration took, Throwable cause) {
      return new Report(0, 0, 0, 0, 0, took, true, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    @Override
    public String toString() {
      String label = background ? "maintenance (beside the batches)" : "maintenance";
      if (failure != null) {
        return String.format(Locale.ROOT, "%s failed after %.1f s, the next due batch tries again: %s", label,
            took.toMillis() / 1000.0, failure);
      }
      return String.format(Locale.ROOT, "%s %.1f s: %d data and %d delete files rewritten into %d data and "
          + "%d delete files, %d snapshots expired", label, took.toMillis() / 1000.0, dataFilesBefore,
          deleteFilesBefore, dataFilesAfter, deleteFilesAfter, expiredSnapshots);
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

  /** One run; {@code background}: batches commit meanwhile (the rewrite is made safe against them). */
  Report run(SparkSession spark, long batchId, boolean background) throws Exception {
    long start = System.nanoTime();
    long[] before = new long[2];
    long[] after = new long[2];
    for (Map.Entry<String, String> upserted : SpeedTables.UPSERT_KEYS.entrySet()) {
      String name = upserted.getKey();
      Table table = load(spark, name);
      addLiveFiles(table, before);
      rewriteAll(table, upserted.getValue(), batchId);
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
      Set<Long> gone = snapshotIds(table);
      table.expireSnapshots().expireOlderThan(cutoff).retainLast(RETAIN_LAST).commit();
      table.refresh();
      // Counted by id: batches may have added snapshots meanwhile.
      gone.removeAll(snapshotIds(table));
      expired += gone.size();
    }
    return new Report(before[0], before[1], after[0], after[1], expired,
        Duration.ofNanos(System.nanoTime() - start), background, null);
  }

  /**
   * Rewrites the table's live rows into one data file and removes every data and delete file it had, in one commit.
   * The upserted speed tables hold one current row per order or window, small enough for the driver; Spark's rewrite
   * action took seconds of planning and jobs per table while the batch waited (and Iceberg's dangling-delete action
   * leaves equality deletes of an unpartitioned table in place).
   */
  static void rewriteAll(Table table, String key, long batchId) throws IOException {
    Optional<Rewrite> rewrite = prepare(table, key, batchId);
    if (rewrite.isPresent()) {
      rewrite.get().commit();
    }
  }

  /** The rewrite of the table's current snapshot, written but not committed; empty when there is nothing to do. */
  static Optional<Rewrite> prepare(Table table, String key, long batchId) throws IOException {
    Snapshot base = table.currentSnapshot();
    if (base == null) {
      return Optional.empty();
    }
    Set<DataFile> data = TableFiles.dataFiles(table, base);
    Set<DeleteFile> deletes = TableFiles.deleteFiles(table, base);
    if (deletes.isEmpty() && data.size() <= 1) {
      return Optional.empty();
    }
    DataFile compacted;
    try (CloseableIterable<Record> rows = liveRows(table, base, key, data, deletes)) {
      compacted = DriverCommit.writeDataFile(table, rows, batchId);
    }
    return Optional.of(new Rewrite(table, base, data, deletes, compacted));
  }

  /** A snapshot's live rows in one new file, replacing its data and delete files once committed. */
  record Rewrite(Table table, Snapshot base, Set<DataFile> data, Set<DeleteFile> deletes, DataFile compacted) {

    /**
     * The new file keeps the base snapshot's sequence number: the deletes it replaces (all at or below it) no
     * longer matter, and upserts committed since the base (their deletes are above it) still delete its older
     * rows. That is also why Iceberg lets this commit through after such upserts; anything else committed since
     * the base that touches these files fails it.
     */
    void commit() {
      table.newRewrite().validateFromSnapshot(base.snapshotId()).dataSequenceNumber(base.sequenceNumber())
          .rewriteFiles(data, deletes, compacted == null ? Set.of() : Set.of(compacted), Set.of())
          .commit();
    }
  }

  /**
   * The snapshot's rows with its deletes applied. When every delete is an equality delete on the key (all this job
   * writes), the deleted keys are read once, each with the highest sequence number that deletes it, and a row
   * survives unless a delete newer than its file names its key: Iceberg's rule, with each file read once, where
   * Iceberg's generic reader reads every newer delete file again for each data file. Anything else (a position
   * delete from an ad-hoc DELETE, say) is left to Iceberg's reader.
   */
  private static CloseableIterable<Record> liveRows(Table table, Snapshot base, String key, Set<DataFile> data,
      Set<DeleteFile> deletes) throws IOException {
    List<Integer> keyIds = List.of(table.schema().findField(key).fieldId());
    boolean keyDeletesOnly = deletes.stream().allMatch(d -> d.content() == FileContent.EQUALITY_DELETES
        && keyIds.equals(d.equalityFieldIds()));
    if (!keyDeletesOnly) {
      return IcebergGenerics.read(table).useSnapshot(base.snapshotId()).build();
    }
    Schema keySchema = table.schema().select(key);
    Map<Object, Long> deletedBelow = new HashMap<>();
    for (DeleteFile file : deletes) {
      try (CloseableIterable<Record> keys = TableFiles.rows(table, file, keySchema)) {
        keys.forEach(k -> deletedBelow.merge(k.getField(key), file.dataSequenceNumber(), Math::max));
      }
    }
    List<CloseableIterable<Record>> perFile = new ArrayList<>();
    for (DataFile file : data) {
      perFile.add(CloseableIterable.filter(TableFiles.rows(table, file, table.schema()), row -> {
        Long deletedAt = deletedBelow.get(row.getField(key));
        return deletedAt == null || deletedAt <= file.dataSequenceNumber();
      }));
    }
    return CloseableIterable.concat(perFile);
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

  private static Set<Long> snapshotIds(Table table) {
    Set<Long> ids = new HashSet<>();
    table.snapshots().forEach(snapshot -> ids.add(snapshot.snapshotId()));
    return ids;
  }
}
