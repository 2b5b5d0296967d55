package io.olistlakehouse.replay;

import io.olistlakehouse.config.LakehouseConfig;

/**
 * The knobs of event derivation. They shape every byte of the replay, so they are part of what a stored replay
 * position refers to: resuming with other settings would not continue the same stream.
 */
public record DerivationSettings(long paymentGapMillis, long reorderWindowMillis, long jitterMaxMillis,
    long jitterSeed) {

  public DerivationSettings {
    if (paymentGapMillis < 1) {
      throw new IllegalArgumentException("replay.payment.split.gap.seconds must be > 0 (split payments need "
          + "distinct times)");
    }
    if (reorderWindowMillis < 1) {
      throw new IllegalArgumentException("replay.reorder.window.seconds must be > 0");
    }
    if (jitterMaxMillis < 0) {
      throw new IllegalArgumentException("replay.ingest.jitter.max.ms must be >= 0");
    }
  }

  public static DerivationSettings fromConfig(LakehouseConfig config) {
    return new DerivationSettings(config.getLong("replay.payment.split.gap.seconds") * 1000,
        config.getLong("replay.reorder.window.seconds") * 1000, config.getLong("replay.ingest.jitter.max.ms"),
        config.getLong("replay.ingest.jitter.seed"));
  }

  /** A stable one-line description, stored with the replay position. */
  public String describe() {
    return "payment.gap.ms=" + paymentGapMillis + ",reorder.window.ms=" + reorderWindowMillis
        + ",jitter.max.ms=" + jitterMaxMillis + ",jitter.seed=" + jitterSeed;
  }
}
