package io.olistlakehouse.replay;

/**
 * Replays {@code speed} seconds of history per wall-clock second. History between two events counts in full up to
 * a threshold; a longer gap (a quiet night) counts as the base interval, so a replay does not sit idle for hours.
 * Late events (earlier than the previous one) are due at once.
 */
public final class ScaledTimePacer implements Pacer {

  private final double speed;
  private final long gapThresholdMillis;
  private final long gapBaseMillis;
  private long previousEventTime = Long.MIN_VALUE;
  private long historyMillis;

  public ScaledTimePacer(double speed, long gapThresholdMillis, long gapBaseMillis) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number of history seconds per second, got "
          + speed);
    }
    if (gapThresholdMillis < 0 || gapBaseMillis < 0) {
      throw new IllegalArgumentException("gap threshold and base interval must be >= 0");
    }
    this.speed = speed;
    this.gapThresholdMillis = gapThresholdMillis;
    this.gapBaseMillis = gapBaseMillis;
  }

  @Override
  public long dueNanos(long index, long eventTime) {
    if (previousEventTime != Long.MIN_VALUE && eventTime > previousEventTime) {
      long gap = eventTime - previousEventTime;
      historyMillis += gap > gapThresholdMillis ? gapBaseMillis : gap;
    }
    previousEventTime = Math.max(previousEventTime, eventTime);
    return (long) (historyMillis * 1_000_000.0 / speed);
  }

  /** History replayed so far after gap compression, in milliseconds. */
  public long historyMillis() {
    return historyMillis;
  }
}
