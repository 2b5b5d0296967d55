package io.olistlakehouse.bronze;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one micro-batch did: records read, committed per table (landed and dead letters, from the snapshots), the
 * tables it found already committed by an earlier attempt of the same batch, and how long it took.
 */
public record BatchReport(long batchId, long read, Map<String, Long> committed, long deadLetters,
    List<String> alreadyCommitted, Duration took) {

  public long landed() {
    return read - deadLetters;
  }

  @Override
  public String toString() {
    String replay = alreadyCommitted.isEmpty() ? "" : ", already committed before a restart: " + alreadyCommitted;
    return String.format("batch %d: %d records read, %d landed, %d dead letters in %.1f s%s", batchId, read,
        landed(), deadLetters, took.toMillis() / 1000.0, replay);
  }
}
