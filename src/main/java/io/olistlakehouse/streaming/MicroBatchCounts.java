package io.olistlakehouse.streaming;

import java.util.Map;

/** What a layer's micro-batch report tells the metrics beyond Spark's own progress ({@link StreamingMetrics}). */
public interface MicroBatchCounts {

  /** Records of the micro-batch that went to a dead-letter table, by reason. */
  default Map<String, Long> deadLettersByReason() {
    return Map.of();
  }

  /** Events later than the allowed lateness, kept aside. */
  default long lateEvents() {
    return 0;
  }
}
