package io.olistlakehouse.speed;

import java.time.Duration;

/** What one micro-batch wrote: order rows upserted, KPI contributions summed, late events kept. */
public record SpeedBatchReport(long batchId, long orderRows, long kpiContributions, long lateEvents,
    boolean replayed, Duration took) {

  @Override
  public String toString() {
    return String.format("batch %d: %d order rows, %d KPI contributions, %d late events%s (%.1f s)", batchId,
        orderRows, kpiContributions, lateEvents, replayed ? ", replayed (already committed parts skipped)" : "",
        took.toMillis() / 1000.0);
  }
}
