package io.olistlakehouse.source.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One row of olist_order_items_dataset.csv; money is exact (scale 2). */
public record OrderItem(
    String orderId,
    int orderItemId,
    String productId,
    String sellerId,
    LocalDateTime shippingLimitAt,
    BigDecimal price,
    BigDecimal freightValue) {}
