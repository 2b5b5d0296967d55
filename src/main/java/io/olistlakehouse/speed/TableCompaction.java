package io.olistlakehouse.speed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Rewrites an upserted speed table's live rows into one data file and removes every data and delete file of the
 * snapshot it read, in one commit, while the job's batches go on committing. The new file takes the sequence number
 * of the snapshot it was read from, so the equality deletes that batches commit meanwhile (newer) still apply to it,
 * and the deletes it removes (not newer) never did: no row is lost, none comes back. Iceberg's commit checks the
 * rest (no position delete may have been added for the files it replaces).
 *
 * <p>The upserted tables hold one current row per order or window, small enough to rewrite on the driver; Spark's
 * rewrite action took 7.5 to 12.4 s of jobs per run here, and Iceberg's dangling-delete action leaves equality
 * deletes of an unpartitioned table in place.
 */
final class TableCompaction {

  /** Snapshot summary property of a compaction: how many delete files the snapshot it read had (all removed). */
  static final String BASE_DELETE_FILES = "lakehouse.speed.compaction.base-delete-files";

  /** What one rewrite did; {@link #NOTHING} when there was nothing to rewrite or a conflicting commit won. */
  record Result(int dataFilesRewritten, int deleteFilesRemoved, int dataFilesWritten, boolean conflicted) {
    static final Result NOTHING = new Result(0, 0, 0, false);
  }

  private final Table table;
  private final String key;
  private final Snapshot base;
  private final Set<DataFile> data;
  private final Set<DeleteFile> deletes;

  private TableCompaction(Table table, String key, Snapshot base, Set<DataFile> data, Set<DeleteFile> deletes) {
    this.table = table;
    this.key = key;
    this.base = base;
    this.data = data;
    this.deletes = deletes;
  }

  /** The table's current snapshot and its live files, to be rewritten; null when one file and no delete is left. */
  static TableCompaction of(Table table, String key) throws IOException {
    Snapshot base = table.currentSnapshot();
    if (base == null) {
      return null;
    }
    Set<DataFile> data = TableFiles.dataFiles(table, base);
    Set<DeleteFile> deletes = TableFiles.deleteFiles(table, base);
    return deletes.isEmpty() && data.size() <= 1 ? null : new TableCompaction(table, key, base, data, deletes);
  }

  /** Writes the live rows of the base snapshot into one file (the task id names it) and commits the rewrite. */
  Result run(long taskId) throws IOException {
    DataFile compacted;
    try (CloseableIterable<Record> rows = liveRows()) {
      compacted = DriverCommit.writeDataFile(table, rows, taskId);
    }
    try {
      table.newRewrite()
          .validateFromSnapshot(base.snapshotId())
          .dataSequenceNumber(base.sequenceNumber())
          .rewriteFiles(data, deletes, compacted == null ? Set.of() : Set.of(compacted), Set.of())
          .set(BASE_DELETE_FILES, Integer.toString(deletes.size()))
          .commit();
    } catch (ValidationException | CommitFailedException e) {
      // Someone else changed these files (an ad-hoc DELETE, say): the next run starts from the new state.
      if (compacted != null) {
        table.io().deleteFile(compacted.location());
      }
      return new Result(0, 0, 0, true);
    }
    return new Result(data.size(), deletes.size(), compacted == null ? 0 : 1, false);
  }

  /**
   * The base snapshot's rows with its deletes applied. When every delete is an equality delete on the key (all this
   * job writes), the deleted keys are read once, each with the highest sequence number that deletes it, and a row
   * survives unless a delete newer than its file names its key: Iceberg's rule, with each file read once, where
   * Iceberg's generic reader reads every newer delete file again for each data file. Anything else (a position
   * delete from an ad-hoc DELETE, say) is left to Iceberg's reader.
   */
  private CloseableIterable<Record> liveRows() throws IOException {
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
}
