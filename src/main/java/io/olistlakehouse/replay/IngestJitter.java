package io.olistlakehouse.replay;

/**
 * ingest_time = event_time + a jitter in [0, max] ms. The jitter is a hash of the seed and the event's sequence
 * number rather than a draw from a shared generator, so it does not depend on how many events were skipped when a
 * replay resumes.
 */
public final class IngestJitter {

  private final long seed;
  private final long maxMillis;

  public IngestJitter(long seed, long maxMillis) {
    if (maxMillis < 0) {
      throw new IllegalArgumentException("jitter maximum must be >= 0, got " + maxMillis);
    }
    this.seed = seed;
    this.maxMillis = maxMillis;
  }

  public long ingestTime(ReplayEvent event) {
    return event.eventTime() + Math.floorMod(mix(seed + event.sequence() * 0x9E3779B97F4A7C15L), maxMillis + 1);
  }

  /** SplitMix64's finalizer: consecutive inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
