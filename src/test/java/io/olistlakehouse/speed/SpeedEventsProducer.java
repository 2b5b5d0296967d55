package io.olistlakehouse.speed;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.testing.TestEventProducer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Produces speed-layer events of the bronze contracts to prefixed topics, as the replayer would (tests only). */
final class SpeedEventsProducer implements AutoCloseable {

  private final BronzeTopics topics;
  private final TestEventProducer events;

  /** Events into {@code <prefix><stream>} topics, created as the platform configures them. */
  SpeedEventsProducer(LakehouseConfig config, String prefix) {
    this.topics = new BronzeTopics(prefix);
    this.events = new TestEventProducer(config, topics).ensureTopics();
  }

  void status(String orderId, String status, Instant at) {
    GenericRecord r = record(BronzeStream.ORDER_STATUS, orderId, at);
    r.put("customer_id", "c-" + orderId);
    r.put("status", status);
    send(BronzeStream.ORDER_STATUS, orderId, r);
  }

  void item(String orderId, int itemId, Instant at, Instant shippingLimit, String price) {
    GenericRecord r = record(BronzeStream.ORDER_ITEM, orderId, at);
    r.put("order_item_id", itemId);
    r.put("product_id", "p1");
    r.put("seller_id", "s1");
    r.put("shipping_limit_at", shippingLimit.toEpochMilli());
    r.put("price", new BigDecimal(price));
    r.put("freight_value", new BigDecimal("1.00"));
    send(BronzeStream.ORDER_ITEM, orderId, r);
  }

  void estimate(String orderId, Instant at, Instant estimate) {
    GenericRecord r = record(BronzeStream.ESTIMATED_DELIVERY_DATE, orderId, at);
    r.put("estimated_delivery_at", estimate.toEpochMilli());
    send(BronzeStream.ESTIMATED_DELIVERY_DATE, orderId, r);
  }

  void payment(String orderId, Instant at, String type, String value) {
    GenericRecord r = record(BronzeStream.PAYMENT, orderId, at);
    r.put("payment_sequential", 1);
    r.put("payment_type", type);
    r.put("payment_installments", 1);
    r.put("payment_value", new BigDecimal(value));
    send(BronzeStream.PAYMENT, orderId, r);
  }

  /** A value that is not in the Confluent wire format: bronze would dead-letter it. */
  void garbage(BronzeStream stream, String key) {
    events.send(topics.topic(stream), key.getBytes(StandardCharsets.UTF_8),
        "not avro".getBytes(StandardCharsets.UTF_8), Instant.now());
  }

  private GenericRecord record(BronzeStream stream, String orderId, Instant at) {
    GenericRecord r = new GenericData.Record(BronzeContracts.schema(stream));
    r.put("order_id", orderId);
    r.put("event_time", at.toEpochMilli());
    r.put("ingest_time", at.toEpochMilli());
    return r;
  }

  private void send(BronzeStream stream, String orderId, GenericRecord r) {
    events.send(stream, orderId, r, Instant.ofEpochMilli((Long) r.get("event_time")));
  }

  void flush() {
    events.flush();
  }

  @Override
  public void close() {
    events.close();
  }
}
