package io.olistlakehouse.delivery;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The delivery rules, written once: the speed layer applies them to streaming state and the batch layer to bronze,
 * so both report the same lead days, delays, statuses and lateness for the same order.
 */
public final class DeliveryRules {

  private DeliveryRules() {}

  /**
   * Calendar days from {@code from} to {@code to}: the difference of their dates, whatever the times of day (an
   * order bought at 23:50 and approved at 00:10 took one day). Null when either is unknown.
   */
  public static Integer calendarDays(LocalDateTime from, LocalDateTime to) {
    if (from == null || to == null) {
      return null;
    }
    return Math.toIntExact(ChronoUnit.DAYS.between(from.toLocalDate(), to.toLocalDate()));
  }

  /** A terminal event (canceled, unavailable) wins, even over a delivery; then delivered; else in progress. */
  public static DeliveryStatus status(OrderMilestones m) {
    if (m.terminalStatus() != null) {
      return m.terminalStatus();
    }
    return m.deliveredCustomerAt() != null ? DeliveryStatus.DELIVERED : DeliveryStatus.IN_PROGRESS;
  }

  /** Delivered on a calendar day after the estimated day. */
  public static boolean late(OrderMilestones m) {
    Integer delay = calendarDays(m.estimatedDeliveryAt(), m.deliveredCustomerAt());
    return delay != null && delay > 0;
  }

  /**
   * Still in progress while the event-time clock is past the estimate. Closed orders (delivered, canceled,
   * unavailable) are never overdue; without an estimate nothing can be overdue.
   */
  public static boolean overdue(OrderMilestones m, LocalDateTime eventClock) {
    return status(m) == DeliveryStatus.IN_PROGRESS && m.estimatedDeliveryAt() != null && eventClock != null
        && eventClock.isAfter(m.estimatedDeliveryAt());
  }

  /** Every derived column of one order, as of the given event-time clock. */
  public static OrderDelivery evaluate(OrderMilestones m, LocalDateTime eventClock) {
    return new OrderDelivery(
        m,
        status(m),
        calendarDays(m.purchaseAt(), m.approvedAt()),
        calendarDays(m.approvedAt(), m.deliveredCarrierAt()),
        calendarDays(m.deliveredCarrierAt(), m.deliveredCustomerAt()),
        calendarDays(m.shippingLimitAt(), m.deliveredCarrierAt()),
        calendarDays(m.estimatedDeliveryAt(), m.deliveredCustomerAt()),
        overdue(m, eventClock));
  }
}
