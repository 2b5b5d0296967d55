package io.olistlakehouse.platform.registry;

import java.util.List;

/** Outcome of a compatibility check; {@code messages} explain every failure (empty when compatible). */
public record CompatibilityResult(boolean compatible, List<String> messages) {

  public CompatibilityResult {
    messages = List.copyOf(messages);
  }

  public static CompatibilityResult ok() {
    return new CompatibilityResult(true, List.of());
  }
}
