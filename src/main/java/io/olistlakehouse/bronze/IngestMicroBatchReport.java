package io.olistlakehouse.bronze;

import io.olistlakehouse.streaming.MicroBatchCounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one micro-batch did: records read, committed per table (landed and dead letters, from the snapshots), dead
 * letters per reason (as the writing tasks counted them), the tables it found already committed by an earlier attempt
 * of the same batch, the data files it wrote, and how long it took: in all, writing (reading Kafka, decoding, writing
 * the files) and committing.
 */
public record IngestMicroBatchReport(long batchId, long read, Map<String, Long> committed, long deadLetters,
    Map<String, Long> deadLettersByReason, List<String> alreadyCommitted, int dataFiles, Duration writing,
    Duration committing, Duration took) implements MicroBatchCounts {

  /** Records read by all of {@code microBatches}. */
  public static long read(List<IngestMicroBatchReport> microBatches) {
    return microBatches.stream().mapToLong(IngestMicroBatchReport::read).sum();
  }

  /** Records of all of {@code microBatches} that went to the dead-letter table. */
  public static long deadLetters(List<IngestMicroBatchReport> microBatches) {
    return microBatches.stream().mapToLong(IngestMicroBatchReport::deadLetters).sum();
  }

  public long landed() {
    return read - deadLetters;
  }

  @Override
  public String toString() {
    String replay = alreadyCommitted.isEmpty() ? "" : ", already committed before a restart: " + alreadyCommitted;
    return String.format("micro-batch %d: %d records read, %d landed, %d dead letters in %.1f s (%d data files written in"
            + " %.1f s, commits %.1f s)%s", batchId, read, landed(), deadLetters, seconds(took), dataFiles,
        seconds(writing), seconds(committing), replay);
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
