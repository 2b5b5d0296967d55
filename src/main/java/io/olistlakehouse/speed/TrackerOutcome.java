package io.olistlakehouse.speed;

import io.olistlakehouse.delivery.OrderDelivery;
import java.util.List;

/**
 * What one call of the order tracker produced: the order's new current row (null when nothing changed), KPI
 * contributions and late events, the state to keep (null: evict) and when to be called again in event time.
 */
public record TrackerOutcome(OrderDelivery row, Long updatedAt, List<KpiContribution> kpis, List<LateEvent> late,
    OrderState state, Long timeoutAt) {

  public boolean evicted() {
    return state == null;
  }
}
