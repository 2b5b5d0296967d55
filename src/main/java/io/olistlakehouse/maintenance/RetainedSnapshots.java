package io.olistlakehouse.maintenance;

import io.olistlakehouse.batch.incremental.BatchCommits;
import io.olistlakehouse.streaming.MicroBatchMarker;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which snapshots of a table expiry must keep, and the cutoff that keeps them. Besides the retention age and the last
 * few snapshots, the pipelines depend on some older ones: an incremental batch run reads from the snapshot its
 * target's last commit recorded (expired, the run recomputes everything as REWRITTEN), and the exactly-once checks of
 * the streaming writers and the batch layer find their newest commit in the table's ancestry. A table's history is
 * linear, so keeping a snapshot means expiring only what is older than every snapshot between it and the current one.
 */
public final class RetainedSnapshots {

  /** Expire snapshots committed before {@code olderThanMillis}; {@code kept}: protected snapshot id -> why. */
  public record Expiry(long olderThanMillis, Map<Long, String> kept) {}

  private RetainedSnapshots() {}

  /**
   * Table name -> the snapshot ids batch jobs recorded as their source positions, from the summary of each batch
   * table's newest batch commit (older commits' positions are no longer read).
   */
  public static Map<String, Set<Long>> recordedPositions(Collection<Map<String, String>> newestBatchCommits) {
    Map<String, Set<Long>> positions = new HashMap<>();
    for (Map<String, String> summary : newestBatchCommits) {
      BatchCommits.sources(summary).forEach((table, id) -> positions.computeIfAbsent(table, t -> new HashSet<>())
          .add(id));
    }
    return positions;
  }

  /**
   * The expiry of a table whose current ancestry is {@code newestFirst}: everything newer than
   * {@code retentionCutoffMillis} stays, and so do the last {@code retainLast} snapshots, the snapshots in
   * {@code recordedPositions}, and the newest commit of each streaming query and batch job. Recorded positions that
   * are not in the ancestry cannot be kept by a cutoff (their readers already see them as rewritten).
   */
  public static Expiry expiry(List<SnapshotEntry> newestFirst, long retentionCutoffMillis, int retainLast,
      Set<Long> recordedPositions) {
    Map<Long, String> kept = new LinkedHashMap<>();
    Set<String> writersSeen = new HashSet<>();
    for (int i = 0; i < newestFirst.size(); i++) {
      SnapshotEntry s = newestFirst.get(i);
      if (i < retainLast) {
        kept.putIfAbsent(s.snapshotId(), "one of the last " + retainLast);
      }
      if (recordedPositions.contains(s.snapshotId())) {
        kept.putIfAbsent(s.snapshotId(), "a batch job's recorded source position");
      }
      Optional<MicroBatchMarker> marker = MicroBatchMarker.of(s.summary());
      if (marker.isPresent() && writersSeen.add("query " + marker.get().queryId())) {
        kept.putIfAbsent(s.snapshotId(), "newest micro-batch of query " + marker.get().queryId());
      }
      Optional<String> job = BatchCommits.job(s.summary());
      if (job.isPresent() && writersSeen.add("job " + job.get())) {
        kept.putIfAbsent(s.snapshotId(), "newest commit of batch job " + job.get());
      }
    }
    // Every snapshot from the current one down to the oldest kept stays, so its ancestry chain stays unbroken even
    // where commit clocks disagree slightly.
    long cutoff = retentionCutoffMillis;
    int deepest = deepestKept(newestFirst, kept);
    for (int i = 0; i <= deepest; i++) {
      cutoff = Math.min(cutoff, newestFirst.get(i).timestampMillis());
    }
    return new Expiry(cutoff, kept);
  }

  /** The position of the oldest kept snapshot in the ancestry; -1 when none is kept. */
  private static int deepestKept(List<SnapshotEntry> newestFirst, Map<Long, String> kept) {
    int deepest = -1;
    for (int i = 0; i < newestFirst.size(); i++) {
      if (kept.containsKey(newestFirst.get(i).snapshotId())) {
        deepest = i;
      }
    }
    return deepest;
  }
}
