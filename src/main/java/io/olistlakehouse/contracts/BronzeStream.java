package io.olistlakehouse.contracts;

import java.util.Arrays;
import java.util.Locale;

/**
 * The nine bronze event streams. Each is a Kafka topic of the same name (plus an optional configured prefix), an
 * Avro contract {@code schemas/avro/bronze/<name>.avsc} registered as subject {@code <topic>-value}, and an Iceberg
 * table {@code lakehouse.bronze.<name>}.
 */
public enum BronzeStream {
  ORDER_STATUS(true),
  PAYMENT(true),
  ORDER_ITEM(true),
  ESTIMATED_DELIVERY_DATE(true),
  REVIEW(true),
  PRODUCT(false),
  SELLER(false),
  CUSTOMER(false),
  GEOLOCATION(false);

  private final boolean orderScoped;

  BronzeStream(boolean orderScoped) {
    this.orderScoped = orderScoped;
  }

  /** The stream's name: topic, contract file and table name. */
  public String streamName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Order-scoped streams are keyed by order_id so that each order's events keep their order. */
  public boolean orderScoped() {
    return orderScoped;
  }

  public static BronzeStream fromName(String name) {
    return Arrays.stream(values()).filter(s -> s.streamName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown bronze stream '" + name + "'; known: "
            + Arrays.stream(values()).map(BronzeStream::streamName).toList()));
  }
}
