package io.olistlakehouse.speed;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One order-scoped event as the speed layer sees it, whichever of its four streams it came from (order_status,
 * order_item, estimated_delivery_date, payment), or a record that could not be decoded ({@code deadLetterReason}).
 * Times are epoch milliseconds (UTC); fields a stream does not carry are null.
 */
public record SpeedEvent(
    String orderId,
    String stream,
    String status,
    long eventTime,
    Long shippingLimitAt,
    Long estimatedDeliveryAt,
    BigDecimal price,
    String paymentType,
    BigDecimal paymentValue,
    String deadLetterReason) implements Serializable {

  public static final String ORDER_STATUS = "order_status";
  public static final String ORDER_ITEM = "order_item";
  public static final String ESTIMATED_DELIVERY_DATE = "estimated_delivery_date";
  public static final String PAYMENT = "payment";

  public static SpeedEvent status(String orderId, String status, long at) {
    return new SpeedEvent(orderId, ORDER_STATUS, status, at, null, null, null, null, null, null);
  }

  public static SpeedEvent item(String orderId, long at, long shippingLimitAt, BigDecimal price) {
    return new SpeedEvent(orderId, ORDER_ITEM, null, at, shippingLimitAt, null, price, null, null, null);
  }

  public static SpeedEvent estimate(String orderId, long at, long estimatedDeliveryAt) {
    return new SpeedEvent(orderId, ESTIMATED_DELIVERY_DATE, null, at, null, estimatedDeliveryAt, null, null, null,
        null);
  }

  public static SpeedEvent payment(String orderId, long at, String type, BigDecimal value) {
    return new SpeedEvent(orderId, PAYMENT, null, at, null, null, null, type, value, null);
  }

  public boolean isDeadLetter() {
    return deadLetterReason != null;
  }
}
