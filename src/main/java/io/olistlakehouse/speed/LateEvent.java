package io.olistlakehouse.speed;

/**
 * An event the speed layer could not apply, kept with the reason instead of being dropped: its order's state was
 * already closed and evicted, its KPI window had closed, or the record could not be decoded.
 */
public record LateEvent(String orderId, String stream, String status, Long eventTime, String target, String reason) {

  /** Applied to neither the order's row nor a window: the order's state was evicted before the event arrived. */
  public static final String ORDER_EVICTED = "order_state_evicted";
  /** Its minute window had closed (window end plus the allowed lateness behind the watermark). */
  public static final String WINDOW_CLOSED = "window_closed";
  /** Prefix of the reason of a record that could not be decoded (the rest is bronze's dead-letter reason). */
  public static final String DEAD_LETTER = "dead_letter:";

  public static final String TARGET_ORDER = "order_delivery";
  public static final String TARGET_KPI = "kpi_minute";
}
