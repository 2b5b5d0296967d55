package io.olistlakehouse.delivery;

import java.util.Locale;

/** Where an order stands for delivery tracking; {@link #value()} is what tables store. */
public enum DeliveryStatus {
  IN_PROGRESS,
  DELIVERED,
  CANCELED,
  UNAVAILABLE;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Canceled and unavailable orders are closed: they are never delivered and never overdue. */
  public boolean terminal() {
    return this == CANCELED || this == UNAVAILABLE;
  }

  public static DeliveryStatus fromValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
