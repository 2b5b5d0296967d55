package io.olistlakehouse.source.model;

import java.math.BigDecimal;

/** One row of olist_order_payments_dataset.csv; money is exact (scale 2). */
public record Payment(
    String orderId, int paymentSequential, String paymentType, int paymentInstallments, BigDecimal paymentValue) {}
