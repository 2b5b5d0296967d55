package io.olistlakehouse.speed;

import io.olistlakehouse.streaming.MicroBatchCounts;
import java.time.Duration;
import java.util.Locale;

/**
 * What one micro-batch wrote: order rows upserted, KPI contributions summed, late events kept; and where its time
 * went: reading, decoding and the per-order state (which the row counts force), the table writes, and the tables'
 * maintenance when the batch ran it (a run beside the batches is reported with the batch after it ended, its time
 * not counted in the batch's).
 */
public record SpeedMicroBatchReport(long batchId, long orderRows, long kpiContributions, long lateEvents,
    boolean replayed, Duration state, Duration writes, SpeedMaintenance.Report maintenance)
    implements MicroBatchCounts {

  public Duration took() {
    Duration took = state.plus(writes);
    return maintenance == null || maintenance.background() ? took : took.plus(maintenance.took());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "micro-batch %d: %d order rows, %d KPI contributions, %d late events%s (%.1f s: state %.1f s, writes %.1f s%s)",
        batchId, orderRows, kpiContributions, lateEvents,
        replayed ? ", replayed (already committed parts skipped)" : "", took().toMillis() / 1000.0,
        state.toMillis() / 1000.0, writes.toMillis() / 1000.0, maintenance == null ? "" : ", " + maintenance);
  }
}
