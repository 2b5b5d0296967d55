package io.olistlakehouse.delivery;

import java.time.LocalDateTime;

/**
 * What is known of one order's delivery: its milestone timestamps (null until seen), the earliest shipping limit
 * among its items, and the terminal status (canceled or unavailable) if one was seen.
 */
public record OrderMilestones(
    String orderId,
    LocalDateTime purchaseAt,
    LocalDateTime approvedAt,
    LocalDateTime deliveredCarrierAt,
    LocalDateTime deliveredCustomerAt,
    LocalDateTime estimatedDeliveryAt,
    LocalDateTime shippingLimitAt,
    DeliveryStatus terminalStatus) {

  public static OrderMilestones empty(String orderId) {
    return new OrderMilestones(orderId, null, null, null, null, null, null, null);
  }

  public OrderMilestones withPurchaseAt(LocalDateTime t) {
    return new OrderMilestones(orderId, t, approvedAt, deliveredCarrierAt, deliveredCustomerAt, estimatedDeliveryAt,
        shippingLimitAt, terminalStatus);
  }

  public OrderMilestones withApprovedAt(LocalDateTime t) {
    return new OrderMilestones(orderId, purchaseAt, t, deliveredCarrierAt, deliveredCustomerAt, estimatedDeliveryAt,
        shippingLimitAt, terminalStatus);
  }

  public OrderMilestones withDeliveredCarrierAt(LocalDateTime t) {
    return new OrderMilestones(orderId, purchaseAt, approvedAt, t, deliveredCustomerAt, estimatedDeliveryAt,
        shippingLimitAt, terminalStatus);
  }

  public OrderMilestones withDeliveredCustomerAt(LocalDateTime t) {
    return new OrderMilestones(orderId, purchaseAt, approvedAt, deliveredCarrierAt, t, estimatedDeliveryAt,
        shippingLimitAt, terminalStatus);
  }

  public OrderMilestones withEstimatedDeliveryAt(LocalDateTime t) {
    return new OrderMilestones(orderId, purchaseAt, approvedAt, deliveredCarrierAt, deliveredCustomerAt, t,
        shippingLimitAt, terminalStatus);
  }

  /** Keeps the earliest shipping limit: an order's limit is that of its first item to ship. */
  public OrderMilestones withShippingLimitAt(LocalDateTime t) {
    LocalDateTime earliest = shippingLimitAt == null || (t != null && t.isBefore(shippingLimitAt)) ? t
        : shippingLimitAt;
    return new OrderMilestones(orderId, purchaseAt, approvedAt, deliveredCarrierAt, deliveredCustomerAt,
        estimatedDeliveryAt, earliest, terminalStatus);
  }

  public OrderMilestones withTerminalStatus(DeliveryStatus status) {
    if (!status.terminal()) {
      throw new IllegalArgumentException(status + " is not a terminal status");
    }
    return new OrderMilestones(orderId, purchaseAt, approvedAt, deliveredCarrierAt, deliveredCustomerAt,
        estimatedDeliveryAt, shippingLimitAt, status);
  }
}
