package io.olistlakehouse.replay;

import io.olistlakehouse.config.LakehouseConfig;

/**
 * The pacing a replay was asked for: as fast as possible, a history speed, or a fixed event rate (at most one of
 * {@code speed} and {@code rate} is set).
 */
public record Pacing(Double speed, Long rate) {

  public static final Pacing MAX = new Pacing(null, null);

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
    return new Pacing(speed, null);
  }

  /** A sustained rate: event number i is due i / rate seconds after the start, whatever its event time. */
  public static Pacing rate(long eventsPerSecond) {
    if (eventsPerSecond < 1) {
      throw new IllegalArgumentException("--rate must be a positive number of events per second, got "
          + eventsPerSecond);
    }
    return new Pacing(null, eventsPerSecond);
  }

  public boolean max() {
    return speed == null && rate == null;
  }

  /** A fresh pacer (pacers keep state) with the gap compression of the configuration. */
  public Pacer pacer(LakehouseConfig config) {
    if (max()) {
      return Pacer.max();
    }
    if (rate != null) {
      double nanosPerEvent = 1e9 / rate;
      return (index, eventTime) -> (long) (index * nanosPerEvent);
    }
    return new ScaledTimePacer(speed, config.getLong("replay.gap.threshold.seconds") * 1000,
        config.getLong("replay.gap.base.seconds") * 1000);
  }

  public String describe() {
    if (rate != null) {
      return "rate " + rate + " events/s";
    }
    return max() ? "max" : "speed " + speed + "x (history seconds per second)";
  }
}
