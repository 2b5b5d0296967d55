package io.olistlakehouse.speed;

import io.olistlakehouse.delivery.DeliveryStatus;
import io.olistlakehouse.delivery.OrderMilestones;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The per-order streaming state (a bean, for Spark's state encoder): the milestones as epoch milliseconds, when the
 * terminal event happened, the latest event time applied and the overdue flag last written.
 */
public class OrderState implements Serializable {

  private static final long serialVersionUID = 1L;

  private String orderId;
  private Long purchaseAt;
  private Long approvedAt;
  private Long deliveredCarrierAt;
  private Long deliveredCustomerAt;
  private Long estimatedDeliveryAt;
  private Long shippingLimitAt;
  private String terminalStatus;
  private Long terminalAt;
  private Long lastEventAt;
  private boolean overdue;

  public OrderState() {}

  public OrderState(String orderId) {
    this.orderId = orderId;
  }

  public OrderMilestones milestones() {
    return new OrderMilestones(orderId, time(purchaseAt), time(approvedAt), time(deliveredCarrierAt),
        time(deliveredCustomerAt), time(estimatedDeliveryAt), time(shippingLimitAt),
        terminalStatus == null ? null : DeliveryStatus.fromValue(terminalStatus));
  }

  static LocalDateTime time(Long millis) {
    return millis == null ? null : LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  /** When the order closed in event time (its terminal event, else its delivery); null while open. */
  public Long closedAt() {
    return terminalStatus != null ? terminalAt : deliveredCustomerAt;
  }

  public String getOrderId() { return orderId; }
  public void setOrderId(String v) { orderId = v; }
  public Long getPurchaseAt() { return purchaseAt; }
  public void setPurchaseAt(Long v) { purchaseAt = v; }
  public Long getApprovedAt() { return approvedAt; }
  public void setApprovedAt(Long v) { approvedAt = v; }
  public Long getDeliveredCarrierAt() { return deliveredCarrierAt; }
  public void setDeliveredCarrierAt(Long v) { deliveredCarrierAt = v; }
  public Long getDeliveredCustomerAt() { return deliveredCustomerAt; }
  public void setDeliveredCustomerAt(Long v) { deliveredCustomerAt = v; }
  public Long getEstimatedDeliveryAt() { return estimatedDeliveryAt; }
  public void setEstimatedDeliveryAt(Long v) { estimatedDeliveryAt = v; }
  public Long getShippingLimitAt() { return shippingLimitAt; }
  public void setShippingLimitAt(Long v) { shippingLimitAt = v; }
  public String getTerminalStatus() { return terminalStatus; }
  public void setTerminalStatus(String v) { terminalStatus = v; }
  public Long getTerminalAt() { return terminalAt; }
  public void setTerminalAt(Long v) { terminalAt = v; }
  public Long getLastEventAt() { return lastEventAt; }
  public void setLastEventAt(Long v) { lastEventAt = v; }
  public boolean isOverdue() { return overdue; }
  public void setOverdue(boolean v) { overdue = v; }
}
