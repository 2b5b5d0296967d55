package io.olistlakehouse.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

  // Looked up for every record a job decodes: a map, not a scan of values().
  private static final Map<String, BronzeStream> BY_NAME = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(BronzeStream::streamName, s -> s));

  private final boolean orderScoped;
  private final String streamName;

  BronzeStream(boolean orderScoped) {
    this.orderScoped = orderScoped;
    this.streamName = name().toLowerCase(Locale.ROOT);
  }

  /** The stream's name: topic, contract file and table name. */
  public String streamName() {
    return streamName;
  }

  /** Order-scoped streams are keyed by order_id so that each order's events keep their order. */
  public boolean orderScoped() {
    return orderScoped;
  }

  public static BronzeStream fromName(String name) {
    return byName(name).orElseThrow(() -> new IllegalArgumentException("unknown bronze stream '" + name + "'; known: "
        + Arrays.stream(values()).map(BronzeStream::streamName).toList()));
  }

  /** The stream of this name, empty for any other name. */
  public static Optional<BronzeStream> byName(String name) {
    return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
  }
}
