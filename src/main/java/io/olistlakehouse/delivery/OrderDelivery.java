package io.olistlakehouse.delivery;

/**
 * One order's delivery facts. Column names in tables (speed.order_delivery, the batch layer's fact_order_lead_days)
 * follow the component names: purchase_to_approval_days, approval_to_carrier_days, carrier_to_customer_days,
 * carrier_delivery_delay_days (carrier handover minus the shipping limit), customer_delivery_delay_days (delivery
 * minus the estimate; above zero means late).
 */
public record OrderDelivery(
    OrderMilestones milestones,
    DeliveryStatus status,
    Integer purchaseToApprovalDays,
    Integer approvalToCarrierDays,
    Integer carrierToCustomerDays,
    Integer carrierDeliveryDelayDays,
    Integer customerDeliveryDelayDays,
    boolean overdue) {

  public boolean late() {
    return customerDeliveryDelayDays != null && customerDeliveryDelayDays > 0;
  }
}
