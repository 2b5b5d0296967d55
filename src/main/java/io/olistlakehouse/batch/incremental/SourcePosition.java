package io.olistlakehouse.batch.incremental;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Where a source table stands against the snapshot a target last covered. {@code current} is null while the source
 * has no snapshot; {@code recorded} is null when the target never covered it.
 */
public record SourcePosition(SourceTable source, Long recorded, Long current, State state) {

  public enum State {
    /** Nothing committed since the recorded snapshot. */
    UNCHANGED,
    /** The recorded snapshot is an ancestor of the current one: read what was added in between. */
    ADVANCED,
    /** The recorded snapshot is no longer in the table's history (expired, or the table recreated). */
    REWRITTEN,
    /** A batch table recomputed in full since the recorded snapshot: its changed rows may not show dropped ones. */
    RECOMPUTED
  }

  static SourcePosition of(SourceTable source, Table table, Long recorded) {
    Snapshot now = table.currentSnapshot();
    Long current = now == null ? null : now.snapshotId();
    if (current == null || current.equals(recorded)) {
      return new SourcePosition(source, recorded, current, recorded == null || current != null ? State.UNCHANGED
          : State.REWRITTEN);
    }
    if (recorded == null) {
      return new SourcePosition(source, null, current, State.ADVANCED);
    }
    if (!SnapshotUtil.isAncestorOf(table, current, recorded)) {
      return new SourcePosition(source, recorded, current, State.REWRITTEN);
    }
    if (source.kind() == SourceTable.Kind.BATCH_TABLE && recomputedSince(table, current, recorded)) {
      return new SourcePosition(source, recorded, current, State.RECOMPUTED);
    }
    return new SourcePosition(source, recorded, current, State.ADVANCED);
  }

  /** A batch table recomputed in full may have lost rows: its readers cannot follow it by changed rows alone. */
  private static boolean recomputedSince(Table table, long current, long recorded) {
    for (Snapshot s : SnapshotUtil.ancestorsBetween(table, current, recorded)) {
      if (BatchCommits.full(s)) {
        return true;
      }
    }
    return false;
  }

  public String describe() {
    return switch (state) {
      case UNCHANGED -> source.qualifiedName() + " unchanged";
      case ADVANCED -> source.qualifiedName() + " " + (recorded == null ? "new" : recorded) + " -> " + current;
      case REWRITTEN -> source.qualifiedName() + " history rewritten (snapshot " + recorded
          + " is no longer an ancestor of " + current + ")";
      case RECOMPUTED -> source.qualifiedName() + " recomputed in full after snapshot " + recorded;
    };
  }
}
