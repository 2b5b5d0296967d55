package io.olistlakehouse.speed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;

/**
 * The Spark side of {@link OrderTracker}: one call per order with new events or a due timeout, keyed by order_id.
 * Records that could not be decoded arrive under {@link SpeedEventRows#DEAD_LETTER_KEY} and leave as late rows
 * with their reason, without state.
 */
public final class OrderStateFunction implements FlatMapGroupsWithStateFunction<String, Row, OrderState, Row> {

  private static final long serialVersionUID = 1L;

  private final OrderTracker tracker;

  public OrderStateFunction(OrderTracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public Iterator<Row> call(String orderId, Iterator<Row> rows, GroupState<OrderState> state) {
    long watermark = Math.max(0, state.getCurrentWatermarkMs());
    List<Row> out = new ArrayList<>();
    if (SpeedEventRows.DEAD_LETTER_KEY.equals(orderId)) {
      rows.forEachRemaining(r -> out.add(SpeedOutput.late(deadLetter(SpeedEventRows.event(r)), watermark)));
      return out.iterator();
    }
    TrackerOutcome outcome;
    if (state.hasTimedOut()) {
      outcome = tracker.onTimeout(state.get(), watermark);
    } else {
      List<SpeedEvent> events = new ArrayList<>();
      rows.forEachRemaining(r -> events.add(SpeedEventRows.event(r)));
      outcome = tracker.onEvents(orderId, state.exists() ? state.get() : null, events, watermark);
    }
    if (outcome.row() != null) {
      out.add(SpeedOutput.order(outcome.row(), outcome.updatedAt(), watermark));
    }
    outcome.kpis().forEach(k -> out.add(SpeedOutput.kpi(k, tracker.windows(), watermark)));
    outcome.late().forEach(l -> out.add(SpeedOutput.late(l, watermark)));
    if (outcome.evicted()) {
      if (state.exists()) {
        state.remove();
      }
    } else {
      state.update(outcome.state());
      state.setTimeoutTimestamp(outcome.timeoutAt());
    }
    return out.iterator();
  }

  private static LateEvent deadLetter(SpeedEvent e) {
    return new LateEvent(null, e.stream(), null, null, LateEvent.TARGET_ORDER,
        LateEvent.DEAD_LETTER + e.deadLetterReason());
  }
}
