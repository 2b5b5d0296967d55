package io.olistlakehouse.source.model;

import java.time.LocalDateTime;

/**
 * One row of olist_orders_dataset.csv. Olist timestamps carry no zone; the project treats them as UTC everywhere so
 * calendar days stay those of the CSVs. Absent timestamps are null.
 */
public record Order(
    String orderId,
    String customerId,
    String status,
    LocalDateTime purchaseAt,
    LocalDateTime approvedAt,
    LocalDateTime deliveredCarrierAt,
    LocalDateTime deliveredCustomerAt,
    LocalDateTime estimatedDeliveryAt) {}
