package io.olistlakehouse.speed;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.spark.KafkaSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the speed job reads and writes and its event-time settings, all from the one configuration ({@code speed.*}
 * keys, documented in configs/lakehouse.properties). Tests and the bench inject other topics, namespaces or
 * checkpoints by overriding keys.
 */
public record SpeedSettings(
    String bootstrapServers,
    BronzeTopics topics,
    String registryUrl,
    String catalogName,
    String namespace,
    Path checkpointDir,
    long maxOffsetsPerTrigger,
    int readTasks,
    Duration triggerInterval,
    Duration watermarkDelay,
    Duration allowedLateness,
    Duration openOrderRetention,
    Duration kpiWindow,
    Duration stopGrace,
    long maintenanceEveryBatches,
    boolean maintenanceInBackground,
    Duration snapshotRetention,
    Map<String, String> kafkaOptions) {

  /** Keys with this prefix are passed to the Kafka source as {@code kafka.<rest>} consumer properties. */
  public static final String KAFKA_OPTION_PREFIX = "speed.kafka.";

  public static SpeedSettings from(LakehouseConfig config) {
    return new SpeedSettings(
        config.get("kafka.bootstrap.servers"),
        new BronzeTopics(config.get("speed.topic.prefix")),
        config.get("registry.url"),
        config.get("catalog.name"),
        config.get("speed.namespace"),
        config.getPath("speed.checkpoint.dir"),
        config.getPositiveLong("speed.max.offsets.per.trigger"),
        Math.toIntExact(config.getPositiveLong("speed.read.tasks")),
        Duration.ofMillis(config.getPositiveLong("speed.trigger.interval.ms")),
        Duration.ofSeconds(config.getNonNegativeLong("speed.watermark.delay.seconds")),
        Duration.ofSeconds(config.getNonNegativeLong("speed.allowed.lateness.seconds")),
        Duration.ofDays(config.getPositiveLong("speed.open.order.retention.days")),
        Duration.ofSeconds(config.getPositiveLong("speed.kpi.window.seconds")),
        Duration.ofSeconds(config.getNonNegativeLong("speed.stop.grace.seconds")),
        config.getNonNegativeLong("speed.maintenance.every.batches"),
        config.getBoolean("speed.maintenance.background"),
        Duration.ofMinutes(config.getNonNegativeLong("speed.snapshot.retention.minutes")),
        KafkaSource.options(config, KAFKA_OPTION_PREFIX));
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
