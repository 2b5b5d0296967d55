package io.olistlakehouse.bronze;

import io.olistlakehouse.streaming.MicroBatchMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counting invariant of a batch: every record read is committed exactly once, to its stream's table or to the
 * dead-letter table. Expected counts come from decoding; committed counts from the Iceberg snapshots that carry the
 * batch's marker, so a lost or doubled write shows up here and fails the batch loudly.
 */
public final class RecordBalance {

  private final long read;
  private final Map<String, Long> expected = new TreeMap<>();
  private final Map<String, Long> committed = new TreeMap<>();

  public RecordBalance(long read) {
    this.read = read;
  }

  /** Records decoding sent to {@code table}. */
  public RecordBalance expect(String table, long records) {
    expected.merge(table, records, Long::sum);
    return this;
  }

  /** Records the batch's snapshot of {@code table} added (0 when it has none). */
  public RecordBalance committed(String table, long records) {
    committed.merge(table, records, Long::sum);
    return this;
  }

  public long read() {
    return read;
  }

  public long totalCommitted() {
    return committed.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Throws {@link IllegalStateException} naming every disagreement; returns quietly when the books balance. */
  public void verify(MicroBatchMarker batch) {
    List<String> problems = new ArrayList<>();
    long routed = expected.values().stream().mapToLong(Long::longValue).sum();
    if (routed != read) {
      problems.add("decoding routed " + routed + " of " + read + " records read");
    }
    TreeMap<String, Long> tables = new TreeMap<>(expected);
    committed.keySet().forEach(t -> tables.putIfAbsent(t, 0L));
    for (String table : tables.keySet()) {
      long want = expected.getOrDefault(table, 0L);
      long got = committed.getOrDefault(table, 0L);
      if (want != got) {
        problems.add(table + ": expected " + want + " records, committed " + got);
      }
    }
    if (totalCommitted() != read) {
      problems.add("committed " + totalCommitted() + " records (landed + dead letters) for " + read + " read");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("batch " + batch.batchId() + " of query " + batch.queryId()
          + " does not balance: " + String.join("; ", problems));
    }
  }
}
