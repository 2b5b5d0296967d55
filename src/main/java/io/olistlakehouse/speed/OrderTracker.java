package io.olistlakehouse.speed;

import io.olistlakehouse.delivery.DeliveryRules;
import io.olistlakehouse.delivery.DeliveryStatus;
import io.olistlakehouse.delivery.OrderDelivery;
import io.olistlakehouse.delivery.OrderDeliveryTable;
import io.olistlakehouse.delivery.OrderMilestones;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The state transitions of one order in event time, free of Spark so they can be tested directly. The event-time
 * clock is the watermark. An order closes with its terminal event or its delivery; its state is evicted once the
 * clock is past the close plus the allowed lateness. Open orders are evicted once the clock is past their estimate
 * (or last event) plus the open-order retention, so no state lives forever. Rules come from {@link DeliveryRules}.
 */
public final class OrderTracker implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long allowedLatenessMs;
  private final long openRetentionMs;
  private final KpiWindows windows;

  public OrderTracker(long allowedLatenessMs, long openRetentionMs, KpiWindows windows) {
    this.allowedLatenessMs = allowedLatenessMs;
    this.openRetentionMs = openRetentionMs;
    this.windows = windows;
  }

  public KpiWindows windows() {
    return windows;
  }

  /** Applies a batch of events to the order's state ({@code null}: none kept) at the given watermark. */
  public TrackerOutcome onEvents(String orderId, OrderState current, Iterable<SpeedEvent> events, long watermark) {
    OrderState state = current;
    List<SpeedEvent> applied = new ArrayList<>();
    List<LateEvent> late = new ArrayList<>();
    for (SpeedEvent e : events) {
      if (state == null && e.eventTime() < watermark - allowedLatenessMs) {
        // Its order was closed and evicted (or never seen within the lateness): keep it, with the reason.
        late.add(new LateEvent(orderId, e.stream(), e.status(), e.eventTime(), LateEvent.TARGET_ORDER,
            LateEvent.ORDER_EVICTED));
      } else if (state == null && SpeedEvent.PAYMENT.equals(e.stream())) {
        // A payment carries no milestone: it counts in the KPIs, but an order that only has payments (its order
        // never arrived) is no delivery to track, and the batch layer has no such order either.
        continue;
      } else {
        state = state == null ? new OrderState(orderId) : state;
        apply(state, e);
        applied.add(e);
      }
    }
    List<KpiContribution> kpis = new ArrayList<>();
    for (SpeedEvent e : events) {
      kpi(e, state).ifPresent(k -> {
        if (windows.closed(k.eventTime(), watermark)) {
          late.add(new LateEvent(orderId, e.stream(), e.status(), e.eventTime(), LateEvent.TARGET_KPI,
              LateEvent.WINDOW_CLOSED));
        } else {
          kpis.add(k);
        }
      });
    }
    if (state == null) {
      return new TrackerOutcome(null, null, kpis, late, null, null);
    }
    OrderDelivery row = applied.isEmpty() ? null : evaluate(state, watermark);
    return settle(state, row, kpis, late, watermark);
  }

  /** The clock passed the timeout set last time: the order may have become overdue, or its state may go. */
  public TrackerOutcome onTimeout(OrderState state, long watermark) {
    boolean overdue = DeliveryRules.overdue(state.milestones(), OrderState.time(watermark));
    OrderDelivery row = overdue != state.isOverdue() ? evaluate(state, watermark) : null;
    return settle(state, row, List.of(), List.of(), watermark);
  }

  private TrackerOutcome settle(OrderState state, OrderDelivery row, List<KpiContribution> kpis,
      List<LateEvent> late, long watermark) {
    Long updatedAt = null;
    if (row != null) {
      state.setOverdue(row.overdue());
      updatedAt = OrderDeliveryTable.ts(OrderDeliveryTable.updatedAt(row, OrderState.time(state.getLastEventAt())))
          .getTime();
    }
    long expiry = expiry(state);
    if (watermark >= expiry) {
      return new TrackerOutcome(row, updatedAt, kpis, late, null, null);
    }
    Long estimate = state.getEstimatedDeliveryAt();
    boolean waitForOverdue = state.closedAt() == null && estimate != null && !state.isOverdue();
    long next = waitForOverdue ? Math.min(estimate + 1, expiry) : expiry;
    return new TrackerOutcome(row, updatedAt, kpis, late, state, Math.max(next, watermark + 1));
  }

  /** When the state may go: the close plus the allowed lateness, or for an open order the open retention. */
  long expiry(OrderState state) {
    Long closed = state.closedAt();
    if (closed != null) {
      return closed + allowedLatenessMs;
    }
    long from = state.getEstimatedDeliveryAt() != null
        ? Math.max(state.getEstimatedDeliveryAt(), state.getLastEventAt()) : state.getLastEventAt();
    return from + openRetentionMs;
  }

  private static OrderDelivery evaluate(OrderState state, long watermark) {
    return DeliveryRules.evaluate(state.milestones(), OrderState.time(watermark));
  }

  /** Milestones keep their earliest time, so a duplicate event changes nothing. */
  static void apply(OrderState s, SpeedEvent e) {
    s.setLastEventAt(s.getLastEventAt() == null ? e.eventTime() : Math.max(s.getLastEventAt(), e.eventTime()));
    switch (e.stream()) {
      case SpeedEvent.ORDER_ITEM -> s.setShippingLimitAt(earliest(s.getShippingLimitAt(), e.shippingLimitAt()));
      case SpeedEvent.ESTIMATED_DELIVERY_DATE -> s.setEstimatedDeliveryAt(e.estimatedDeliveryAt());
      case SpeedEvent.ORDER_STATUS -> applyStatus(s, e);
      default -> { } // payments carry no milestone; they count in the KPIs
    }
  }

  private static void applyStatus(OrderState s, SpeedEvent e) {
    String status = e.status() == null ? "" : e.status().toLowerCase(Locale.ROOT);
    long t = e.eventTime();
    switch (status) {
      case "purchase" -> s.setPurchaseAt(earliest(s.getPurchaseAt(), t));
      case "approved" -> s.setApprovedAt(earliest(s.getApprovedAt(), t));
      case "delivered_carrier" -> s.setDeliveredCarrierAt(earliest(s.getDeliveredCarrierAt(), t));
      case "delivered_customer" -> s.setDeliveredCustomerAt(earliest(s.getDeliveredCustomerAt(), t));
      case "canceled", "unavailable" -> {
        if (s.getTerminalStatus() == null) {
          s.setTerminalStatus(DeliveryStatus.fromValue(status).value());
          s.setTerminalAt(t);
        }
      }
      default -> throw new IllegalArgumentException("unknown order status '" + e.status() + "' for order "
          + e.orderId() + ": the contract allows purchase, approved, delivered_carrier, delivered_customer, "
          + "canceled, unavailable");
    }
  }

  private static Long earliest(Long a, Long b) {
    return a == null ? b : b == null ? a : Math.min(a, b);
  }

  /** Lateness of a delivery is judged with the state after the whole batch, so an estimate in it counts. */
  private static Optional<KpiContribution> kpi(SpeedEvent e, OrderState state) {
    String id = e.orderId();
    return Optional.ofNullable(switch (e.stream()) {
      case SpeedEvent.ORDER_ITEM -> KpiContribution.item(id, e.eventTime(), e.price());
      case SpeedEvent.PAYMENT -> KpiContribution.payment(id, e.eventTime(), e.paymentType(), e.paymentValue());
      case SpeedEvent.ORDER_STATUS -> switch (e.status()) {
        case "purchase" -> KpiContribution.order(id, e.eventTime());
        case "delivered_customer" -> KpiContribution.delivery(id, e.eventTime(), state != null
            && DeliveryRules.late(state.milestones()));
        default -> null;
      };
      default -> null;
    });
  }
}
