package io.olistlakehouse.batch.incremental;

import java.util.Locale;
import org.apache.iceberg.Snapshot;

/**
 * What one job's run did: nothing (its sources are unchanged, or their changes touch none of its keys), or one
 * commit, incremental or full, with the reason and the snapshot's row counts.
 */
public record BatchJobOutcome(String job, Kind kind, String detail, String sources, Long snapshotId,
    long addedRows, long deletedRows, long totalRows, double seconds) {

  public enum Kind { UP_TO_DATE, NOTHING_TOUCHED, INCREMENTAL, FULL }

  static BatchJobOutcome upToDate(String job, double seconds) {
    return new BatchJobOutcome(job, Kind.UP_TO_DATE, "sources unchanged, nothing committed", "", null, 0, 0, -1,
        seconds);
  }

  static BatchJobOutcome nothingTouched(String job, String sources, double seconds) {
    return new BatchJobOutcome(job, Kind.NOTHING_TOUCHED, "new source snapshots touch no row, nothing committed",
        sources, null, 0, 0, -1, seconds);
  }

  static BatchJobOutcome written(String job, boolean full, String detail, String sources, Snapshot s,
      double seconds) {
    return new BatchJobOutcome(job, full ? Kind.FULL : Kind.INCREMENTAL, detail, sources, s.snapshotId(),
        count(s, "added-records"), count(s, "deleted-records") + count(s, "added-position-deletes"),
        count(s, "total-records"), seconds);
  }

  private static long count(Snapshot s, String key) {
    return Long.parseLong(s.summary().getOrDefault(key, "0"));
  }

  public boolean committed() {
    return snapshotId != null;
  }

  public String line() {
    String head = String.format(Locale.ROOT, "%-36s %-11s %6.1fs  ", job, kind.name().toLowerCase(Locale.ROOT)
        .replace('_', '-'), seconds);
    if (!committed()) {
      return head + detail;
    }
    return head + String.format(Locale.ROOT, "%s; +%,d rows, -%,d; snapshot %d", detail, addedRows, deletedRows,
        snapshotId);
  }
}
