package io.olistlakehouse.replay;

import java.time.LocalDateTime;

/** The payload of an estimated_delivery_date event: the date promised at purchase. */
public record EstimatedDelivery(String orderId, LocalDateTime estimatedAt) {}
