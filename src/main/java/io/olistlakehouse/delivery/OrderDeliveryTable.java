package io.olistlakehouse.delivery;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The one row layout of an order's delivery facts, shared by speed.order_delivery and gold.fact_order_lead_days so
 * that both layers' tables have the same columns with the same meaning. Timestamps are UTC.
 */
public final class OrderDeliveryTable {

  /** The columns, in table order. */
  public static final String[] COLUMNS = {"order_id", "status", "purchase_at", "approved_at",
      "delivered_carrier_at", "delivered_customer_at", "estimated_delivery_at", "shipping_limit_at",
      "purchase_to_approval_days", "approval_to_carrier_days", "carrier_to_customer_days",
      "carrier_delivery_delay_days", "customer_delivery_delay_days", "overdue", "updated_at"};

  /** The columns as DDL, in the same order. */
  public static final String COLUMNS_DDL = "order_id STRING NOT NULL, status STRING, purchase_at TIMESTAMP, "
      + "approved_at TIMESTAMP, delivered_carrier_at TIMESTAMP, delivered_customer_at TIMESTAMP, "
      + "estimated_delivery_at TIMESTAMP, shipping_limit_at TIMESTAMP, purchase_to_approval_days INT, "
      + "approval_to_carrier_days INT, carrier_to_customer_days INT, carrier_delivery_delay_days INT, "
      + "customer_delivery_delay_days INT, overdue BOOLEAN, updated_at TIMESTAMP";

  private OrderDeliveryTable() {}

  /** One order's values in {@link #COLUMNS} order. */
  public static Object[] values(OrderDelivery d, Timestamp updatedAt) {
    OrderMilestones m = d.milestones();
    return new Object[] {m.orderId(), d.status().value(), ts(m.purchaseAt()), ts(m.approvedAt()),
        ts(m.deliveredCarrierAt()), ts(m.deliveredCustomerAt()), ts(m.estimatedDeliveryAt()),
        ts(m.shippingLimitAt()), d.purchaseToApprovalDays(), d.approvalToCarrierDays(), d.carrierToCustomerDays(),
        d.carrierDeliveryDelayDays(), d.customerDeliveryDelayDays(), d.overdue(), updatedAt};
  }

  /**
   * When the row's latest fact happened: its latest event, or the estimate it became overdue at (an overdue order
   * changed when the clock passed its estimate, not when its last event came).
   */
  public static LocalDateTime updatedAt(OrderDelivery d, LocalDateTime lastEventAt) {
    LocalDateTime estimate = d.milestones().estimatedDeliveryAt();
    return d.overdue() && estimate != null && estimate.isAfter(lastEventAt) ? estimate : lastEventAt;
  }

  public static Timestamp ts(LocalDateTime t) {
    return t == null ? null : Timestamp.from(t.toInstant(ZoneOffset.UTC));
  }

  public static LocalDateTime time(Timestamp t) {
    return t == null ? null : LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
  }
}
