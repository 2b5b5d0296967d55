package io.olistlakehouse.streaming;

import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * The idempotence check: has this batch already been committed to this table? foreachBatch is at-least-once (a batch
 * whose commit reached some tables before a crash runs again after restart), so before appending, the table's
 * snapshot ancestry is searched for the batch's marker.
 */
public final class CommittedMicroBatches {

  private CommittedMicroBatches() {}

  /** The snapshot of the table's current ancestry that committed {@code batch}, if any. */
  public static Optional<Snapshot> find(Table table, MicroBatchMarker batch) {
    Snapshot current = table.currentSnapshot();
    if (current == null) {
      return Optional.empty();
    }
    return find(SnapshotUtil.ancestorsOf(current.snapshotId(), table::snapshot), batch);
  }

  /**
   * Searches snapshots newest first. One query commits its batches to a table in batch order, so a marker of the same
   * query with a lower batch id ends the search: nothing older can hold this batch. Snapshots without a marker
   * (compaction, other writers) and markers of other queries are walked past.
   */
  public static Optional<Snapshot> find(Iterable<Snapshot> newestFirst, MicroBatchMarker batch) {
    for (Snapshot snapshot : newestFirst) {
      Optional<MicroBatchMarker> marker = MicroBatchMarker.of(snapshot.summary());
      if (marker.isEmpty() || !marker.get().queryId().equals(batch.queryId())) {
        continue;
      }
      if (marker.get().batchId() == batch.batchId()) {
        return Optional.of(snapshot);
      }
      if (marker.get().batchId() < batch.batchId()) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Records a snapshot added, from its summary (every Iceberg append writes {@code added-records}). */
  public static long addedRecords(Snapshot snapshot) {
    String added = snapshot.summary().get("added-records");
    if (added == null) {
      throw new IllegalStateException("snapshot " + snapshot.snapshotId() + " has no added-records in its summary");
    }
    return Long.parseLong(added);
  }
}
