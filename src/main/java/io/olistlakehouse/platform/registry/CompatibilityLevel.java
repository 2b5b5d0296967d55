package io.olistlakehouse.platform.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Confluent's compatibility levels: which earlier versions a new schema is checked against, in which direction. */
public enum CompatibilityLevel {
  NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

  /** The new schema must read data written with the earlier ones. */
  public boolean checksBackward() {
    return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
  }

  /** The earlier schemas must read data written with the new one. */
  public boolean checksForward() {
    return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
  }

  /** Checked against every earlier version, not only the latest. */
  public boolean transitive() {
    return name().endsWith("_TRANSITIVE");
  }

  /** Parses a level case-insensitively; the error lists the accepted values. */
  public static CompatibilityLevel parse(String value) {
    if (value != null) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ignored) {
        // fall through to the descriptive error
      }
    }
    String allowed = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("invalid compatibility level '" + value + "'; allowed: " + allowed);
  }
}
