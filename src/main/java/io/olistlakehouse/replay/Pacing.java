package io.olistlakehouse.replay;

import io.olistlakehouse.config.LakehouseConfig;

/**
 * The pacing a replay was asked for: as fast as possible, or a history speed. (Another mode, a fixed event rate,
 * is one more variant here and one more {@link Pacer}.)
 */
public record Pacing(Double speed) {

  public static final Pacing MAX = new Pacing(null);

  /** "max" or a positive number of history seconds per wall-clock second, as in {@code replay.speed}. */
  public static Pacing parse(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("max")) {
      return MAX;
    }
    try {
      return speed(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("pacing must be 'max' or a positive number (history seconds per "
          + "second), got '" + text + "'");
    }
  }

  public static Pacing speed(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("--speed must be a positive number, got " + speed);
    }
    return new Pacing(speed);
  }

  public boolean max() {
    return speed == null;
  }

  /** A fresh pacer (pacers keep state) with the gap compression of the configuration. */
  public Pacer pacer(LakehouseConfig config) {
    if (max()) {
      return Pacer.max();
    }
    return new SpeedPacer(speed, config.getLong("replay.gap.threshold.seconds") * 1000,
        config.getLong("replay.gap.base.seconds") * 1000);
  }

  public String describe() {
    return max() ? "max" : "speed " + speed + "x (history seconds per second)";
  }
}
