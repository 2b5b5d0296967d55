package io.olistlakehouse.batch.incremental;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * What a batch commit records in its Iceberg snapshot summary, in the same commit as its rows: the job, whether it
 * recomputed everything, its load time, and the snapshot id of every source table it covers. The position can
 * therefore never disagree with the data: a crash before the commit leaves both as they were.
 */
public final class BatchCommits {

  /** Column of tables other jobs read incrementally: when the row's current values were written. */
  public static final String LOADED_AT = "loaded_at";

  static final String PREFIX = "lakehouse.batch.";
  static final String JOB = PREFIX + "job";
  static final String MODE = PREFIX + "mode";
  static final String LOADED_AT_MILLIS = PREFIX + "loaded-at";
  static final String SOURCE_PREFIX = PREFIX + "source.";
  static final String FULL = "full";
  static final String INCREMENTAL = "incremental";

  private BatchCommits() {}

  /** The newest commit of a batch job in the table's current history; other writers (maintenance) are skipped. */
  public static Optional<Snapshot> lastBatchCommit(Table table) {
    Snapshot s = table.currentSnapshot();
    return s == null ? Optional.empty() : lastBatchCommit(table, s.snapshotId());
  }

  /** The newest batch commit at or before {@code snapshotId}, following parents while they are retained. */
  static Optional<Snapshot> lastBatchCommit(Table table, long snapshotId) {
    Snapshot s = table.snapshot(snapshotId);
    while (s != null) {
      if (s.summary().containsKey(JOB)) {
        return Optional.of(s);
      }
      s = s.parentId() == null ? null : table.snapshot(s.parentId());
    }
    return Optional.empty();
  }

  /** The job that made a commit, from its snapshot summary; empty for any other writer. */
  public static Optional<String> job(Map<String, String> summary) {
    return Optional.ofNullable(summary == null ? null : summary.get(JOB));
  }

  /** Source table -> the snapshot id the commit covered. */
  public static Map<String, Long> sources(Snapshot commit) {
    return sources(commit.summary());
  }

  /** The same, from a snapshot summary. */
  public static Map<String, Long> sources(Map<String, String> summary) {
    Map<String, Long> sources = new HashMap<>();
    summary.forEach((k, v) -> {
      if (k.startsWith(SOURCE_PREFIX)) {
        sources.put(k.substring(SOURCE_PREFIX.length()), Long.parseLong(v));
      }
    });
    return sources;
  }

  static long loadedAt(Snapshot commit) {
    return Long.parseLong(commit.summary().getOrDefault(LOADED_AT_MILLIS, "0"));
  }

  static boolean full(Snapshot commit) {
    return FULL.equals(commit.summary().get(MODE));
  }

  static Map<String, String> properties(String job, boolean full, long loadedAtMillis, Map<String, Long> covered) {
    Map<String, String> p = new HashMap<>();
    p.put(JOB, job);
    p.put(MODE, full ? FULL : INCREMENTAL);
    p.put(LOADED_AT_MILLIS, Long.toString(loadedAtMillis));
    covered.forEach((table, id) -> p.put(SOURCE_PREFIX + table, Long.toString(id)));
    return p;
  }
}
