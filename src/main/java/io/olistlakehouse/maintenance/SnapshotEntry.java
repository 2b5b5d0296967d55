package io.olistlakehouse.maintenance;

import java.util.Map;
import org.apache.iceberg.Snapshot;

/** What expiry needs to know of one snapshot: its id, when it was committed, and its summary (who wrote it). */
public record SnapshotEntry(long snapshotId, long timestampMillis, Map<String, String> summary) {

  public static SnapshotEntry of(Snapshot snapshot) {
    return new SnapshotEntry(snapshot.snapshotId(), snapshot.timestampMillis(),
        snapshot.summary() == null ? Map.of() : snapshot.summary());
  }
}
