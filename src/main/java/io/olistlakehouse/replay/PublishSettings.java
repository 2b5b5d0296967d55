package io.olistlakehouse.replay;

import io.olistlakehouse.config.LakehouseConfig;

/** How events are grouped into transactions and how often progress is shown. */
public record PublishSettings(long transactionMaxEvents, long transactionMaxMillis, long progressIntervalMillis) {

  public PublishSettings {
    if (transactionMaxEvents < 1 || transactionMaxMillis < 1) {
      throw new IllegalArgumentException("replay.transaction.max.events and replay.transaction.max.ms must be > 0");
    }
  }

  public static PublishSettings fromConfig(LakehouseConfig config) {
    return new PublishSettings(config.getLong("replay.transaction.max.events"),
        config.getLong("replay.transaction.max.ms"), config.getLong("replay.progress.interval.ms"));
  }
}
