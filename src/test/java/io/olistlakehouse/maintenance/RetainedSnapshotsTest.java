package io.olistlakehouse.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.streaming.MicroBatchMarker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetainedSnapshotsTest {

  private static final long HOUR = 3_600_000L;
  private static final long NOW = 1_000 * HOUR;
  private static final long RETENTION_CUTOFF = NOW - 24 * HOUR;

  @Test
  void withNothingProtectedOlderThanTheRetentionTheRetentionIsTheCutoff() {
    List<SnapshotEntry> history = history(10, Map.of());
    RetainedSnapshots.Expiry expiry = RetainedSnapshots.expiry(history, RETENTION_CUTOFF, 2, Set.of());
    assertEquals(RETENTION_CUTOFF, expiry.olderThanMillis());
    assertEquals(Set.of(10L, 9L), expiry.kept().keySet());
  }

  @Test
  void theLastSnapshotsStayWhateverTheirAge() {
    List<SnapshotEntry> history = history(10, Map.of());
    RetainedSnapshots.Expiry expiry = RetainedSnapshots.expiry(history, NOW, 3, Set.of());
    assertEquals(time(8), expiry.olderThanMillis(), "snapshots 8, 9 and 10 stay; with no retention, 1 to 7 go");
  }

  @Test
  void aRecordedSourcePositionKeepsItselfAndEverythingNewer() {
    List<SnapshotEntry> history = history(10, Map.of());
    RetainedSnapshots.Expiry expiry = RetainedSnapshots.expiry(history, RETENTION_CUTOFF, 1, Set.of(3L, 6L));
    assertEquals(time(3), expiry.olderThanMillis(), "the oldest recorded position, 3, decides");
    assertTrue(expiry.kept().get(3L).contains("source position"), expiry.kept().toString());
  }

  @Test
  void aRecordedPositionOutsideTheHistoryProtectsNothing() {
    List<SnapshotEntry> history = history(10, Map.of());
    RetainedSnapshots.Expiry expiry = RetainedSnapshots.expiry(history, RETENTION_CUTOFF, 1, Set.of(99L));
    assertEquals(RETENTION_CUTOFF, expiry.olderThanMillis());
  }

  @Test
  void theNewestCommitOfEachStreamingQueryAndBatchJobStays() {
    Map<Long, Map<String, String>> summaries = new HashMap<>();
    summaries.put(2L, new MicroBatchMarker("query-a", 7).summary());
    summaries.put(4L, new MicroBatchMarker("query-a", 8).summary());
    summaries.put(5L, new MicroBatchMarker("query-b", 1).summary());
    summaries.put(6L, batchCommit("silver.product"));
    summaries.put(7L, batchCommit("silver.product"));
    List<SnapshotEntry> history = history(10, summaries);
    RetainedSnapshots.Expiry expiry = RetainedSnapshots.expiry(history, RETENTION_CUTOFF, 1, Set.of());
    assertEquals(time(4), expiry.olderThanMillis(), "query-a's newest batch (8, in snapshot 4) is the oldest kept");
    assertEquals(Set.of(10L, 7L, 5L, 4L), expiry.kept().keySet());
    assertTrue(expiry.kept().get(7L).contains("silver.product"), expiry.kept().toString());
  }

  @Test
  void aNewerSnapshotWithAnEarlierClockMovesTheCutoffSoTheChainStaysWhole() {
    List<SnapshotEntry> history = new ArrayList<>(history(10, Map.of()));
    // Snapshot 8 was committed by a host whose clock ran behind snapshot 3's.
    history.set(2, new SnapshotEntry(8, time(3) - 1_000, Map.of()));
    RetainedSnapshots.Expiry expiry = RetainedSnapshots.expiry(history, RETENTION_CUTOFF, 1, Set.of(3L));
    assertEquals(time(3) - 1_000, expiry.olderThanMillis());
  }

  @Test
  void recordedPositionsAreCollectedPerSourceTableFromTheNewestBatchCommits() {
    Map<String, String> silver = batchCommit("silver.product");
    silver.put("lakehouse.batch.source.lakehouse.bronze.product", "41");
    Map<String, String> gold = batchCommit("gold.x");
    gold.put("lakehouse.batch.source.lakehouse.silver.product", "52");
    gold.put("lakehouse.batch.source.lakehouse.bronze.product", "40");
    Map<String, Set<Long>> positions = RetainedSnapshots.recordedPositions(List.of(silver, gold));
    assertEquals(Map.of("lakehouse.bronze.product", Set.of(40L, 41L), "lakehouse.silver.product", Set.of(52L)),
        positions);
  }

  /** Snapshots 1..n, newest first as the ancestry is walked. */
  private static List<SnapshotEntry> history(int n, Map<Long, Map<String, String>> summaries) {
    List<SnapshotEntry> newestFirst = new ArrayList<>();
    for (long id = n; id >= 1; id--) {
      newestFirst.add(new SnapshotEntry(id, time(id), summaries.getOrDefault(id, Map.of())));
    }
    return newestFirst;
  }

  /** Snapshot {@code id} was committed (12 - id) * 3h20 ago: of ten, 1 to 4 are older than the retention (24 h). */
  private static long time(long id) {
    return NOW - (12 - id) * 10 * HOUR / 3;
  }

  private static Map<String, String> batchCommit(String job) {
    Map<String, String> summary = new HashMap<>();
    summary.put("lakehouse.batch.job", job);
    summary.put("lakehouse.batch.mode", "incremental");
    return summary;
  }
}
