package io.olistlakehouse.speed;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The four events a new order produces at its purchase (status, estimate, one item, one payment), with event time
 * = the given wall-clock time, so the event-time clock follows real time. Load for the freshness bench only; replays
 * of the Olist data come from the replayer.
 */
final class SyntheticOrderEvents {

  private static final Duration ESTIMATE = Duration.ofDays(10);
  private static final Duration SHIPPING_LIMIT = Duration.ofDays(2);
  private static final BigDecimal PRICE = new BigDecimal("42.50");

  private SyntheticOrderEvents() {}

  /** Stream -> record, in the order the replayer publishes them. */
  static Map<BronzeStream, GenericRecord> of(String orderId, long now) {
    Map<BronzeStream, GenericRecord> events = new LinkedHashMap<>();
    GenericRecord status = base(BronzeStream.ORDER_STATUS, orderId, now);
    status.put("customer_id", "c-" + orderId);
    status.put("status", "purchase");
    events.put(BronzeStream.ORDER_STATUS, status);
    GenericRecord estimate = base(BronzeStream.ESTIMATED_DELIVERY_DATE, orderId, now);
    estimate.put("estimated_delivery_at", now + ESTIMATE.toMillis());
    events.put(BronzeStream.ESTIMATED_DELIVERY_DATE, estimate);
    GenericRecord item = base(BronzeStream.ORDER_ITEM, orderId, now);
    item.put("order_item_id", 1);
    item.put("product_id", "bench-product");
    item.put("seller_id", "bench-seller");
    item.put("shipping_limit_at", now + SHIPPING_LIMIT.toMillis());
    item.put("price", PRICE);
    item.put("freight_value", BigDecimal.ONE.setScale(2));
    events.put(BronzeStream.ORDER_ITEM, item);
    GenericRecord payment = base(BronzeStream.PAYMENT, orderId, now);
    payment.put("payment_sequential", 1);
    payment.put("payment_type", "credit_card");
    payment.put("payment_installments", 1);
    payment.put("payment_value", PRICE.add(BigDecimal.ONE));
    events.put(BronzeStream.PAYMENT, payment);
    return events;
  }

  private static GenericRecord base(BronzeStream stream, String orderId, long now) {
    GenericRecord r = new GenericData.Record(BronzeContracts.schema(stream));
    r.put("order_id", orderId);
    r.put("event_time", now);
    r.put("ingest_time", now);
    return r;
  }
}
