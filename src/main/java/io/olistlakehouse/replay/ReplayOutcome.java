package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;
import java.util.Map;

/**
 * What one run of the replayer did. {@code resumedAt} events had been committed by earlier runs; {@code published}
 * were sent by this one; {@code totalEvents} is the position now. Byte counts are of keys and Avro values as sent.
 */
public record ReplayOutcome(boolean alreadyCompleted, boolean stopped, long resumedAt, long published, long totalEvents,
    Map<BronzeStream, Long> publishedPerStream, long lateEvents, int peakPendingEvents, long keyBytes,
    long valueBytes, long elapsedNanos, long transactions, long clock) {

  public double eventsPerSecond() {
    return elapsedNanos == 0 ? 0 : published * 1e9 / elapsedNanos;
  }

  /** Mean bytes per record sent (key + value). */
  public double meanRecordBytes() {
    return published == 0 ? 0 : (double) (keyBytes + valueBytes) / published;
  }
}
