package io.olistlakehouse.speed;

import java.math.BigDecimal;

/**
 * What one event adds to the minute window of its event time: an order (purchase), an item and its price (revenue),
 * a payment of a type, a delivery and whether it was late (delivered on a day after the estimate).
 */
public record KpiContribution(String orderId, String stream, long eventTime, int orders, int items,
    BigDecimal revenue, String paymentType, BigDecimal paymentValue, int deliveries, int lateDeliveries) {

  static KpiContribution order(String orderId, long at) {
    return new KpiContribution(orderId, SpeedEvent.ORDER_STATUS, at, 1, 0, null, null, null, 0, 0);
  }

  static KpiContribution item(String orderId, long at, BigDecimal price) {
    return new KpiContribution(orderId, SpeedEvent.ORDER_ITEM, at, 0, 1, price, null, null, 0, 0);
  }

  static KpiContribution payment(String orderId, long at, String type, BigDecimal value) {
    return new KpiContribution(orderId, SpeedEvent.PAYMENT, at, 0, 0, null, type, value, 0, 0);
  }

  static KpiContribution delivery(String orderId, long at, boolean late) {
    return new KpiContribution(orderId, SpeedEvent.ORDER_STATUS, at, 0, 0, null, null, null, 1, late ? 1 : 0);
  }
}
