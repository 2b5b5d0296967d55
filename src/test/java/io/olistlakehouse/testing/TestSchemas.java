package io.olistlakehouse.testing;

import org.apache.avro.Schema;

/** Avro schemas for tests, written as JSON so they read like what a producer registers. */
public final class TestSchemas {

  public static final String ORDER_ID = "{\"name\":\"order_id\",\"type\":\"string\"}";
  public static final String ITEMS = "{\"name\":\"items\",\"type\":\"long\"}";
  public static final String FREIGHT = "{\"name\":\"freight\",\"type\":\"double\"}";
  public static final String COUPON = "{\"name\":\"coupon\",\"type\":[\"null\",\"string\"],\"default\":null}";
  public static final String PRICE =
      "{\"name\":\"price\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}}";

  private TestSchemas() {
  }

  /** A record schema named {@code name} with the given field definitions (JSON objects). */
  public static Schema record(String name, String... fields) {
    return new Schema.Parser().parse(recordJson(name, fields));
  }

  public static String recordJson(String name, String... fields) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"io.olistlakehouse.test\",\"fields\":["
        + String.join(",", fields) + "]}";
  }

  /** The order schema with every type worth checking across languages. */
  public static Schema order() {
    return record("Order", ORDER_ID, ITEMS, FREIGHT, COUPON, PRICE);
  }
}
