package io.olistlakehouse.speed;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.streaming.StreamingSettings;
import java.time.Duration;

/**
 * The speed job's settings ({@code speed.*} keys, documented in configs/lakehouse.properties): those every streaming
 * job has, and its event-time rules and table maintenance.
 */
public record SpeedSettings(
    StreamingSettings stream,
    BronzeTopics topics,
    int readTasks,
    Duration watermarkDelay,
    Duration allowedLateness,
    Duration openOrderRetention,
    Duration kpiWindow,
    long maintenanceEveryBatches,
    boolean maintenanceInBackground,
    Duration snapshotRetention) {

  public static final String KEY_PREFIX = "speed.";

  public static SpeedSettings from(LakehouseConfig config) {
    StreamingSettings stream = StreamingSettings.from(config, KEY_PREFIX);
    return new SpeedSettings(
        stream,
        new BronzeTopics(stream.topicPrefix()),
        Math.toIntExact(config.getPositiveLong("speed.read.tasks")),
        Duration.ofSeconds(config.getNonNegativeLong("speed.watermark.delay.seconds")),
        Duration.ofSeconds(config.getNonNegativeLong("speed.allowed.lateness.seconds")),
        Duration.ofDays(config.getPositiveLong("speed.open.order.retention.days")),
        Duration.ofSeconds(config.getPositiveLong("speed.kpi.window.seconds")),
        config.getNonNegativeLong("speed.maintenance.every.batches"),
        config.getBoolean("speed.maintenance.background"),
        Duration.ofMinutes(config.getNonNegativeLong("speed.snapshot.retention.minutes")));
  }

  /**
   * The tables' maintenance and where it runs. A run of --once always runs it on the batch's thread: the run ends
   * with its last batch, and with it any maintenance still going.
   */
  MaintenanceSchedule maintenance(SpeedTables tables, boolean once) {
    SpeedMaintenance maintenance = new SpeedMaintenance(tables, maintenanceEveryBatches, snapshotRetention);
    MaintenanceSchedule.Run run = (batchId, background) -> maintenance.run(tables.spark(), batchId, background);
    return once || !maintenanceInBackground ? MaintenanceSchedule.onBatchThread(maintenance::due, run)
        : MaintenanceSchedule.inBackground(maintenance::due, run);
  }

  public OrderTracker tracker() {
    return new OrderTracker(allowedLateness.toMillis(), openOrderRetention.toMillis(),
        new KpiWindows(kpiWindow.toMillis(), allowedLateness.toMillis()));
  }
}
