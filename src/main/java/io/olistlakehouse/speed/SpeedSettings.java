package io.olistlakehouse.speed;

import io.olistlakehouse.bronze.BronzeTopics;
import io.olistlakehouse.config.LakehouseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
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
    Duration triggerInterval,
    Duration watermarkDelay,
    Duration allowedLateness,
    Duration openOrderRetention,
    Duration kpiWindow,
    Duration stopGrace,
    Map<String, String> kafkaOptions) {

  /** Keys with this prefix are passed to the Kafka source as {@code kafka.<rest>} consumer properties. */
  public static final String KAFKA_OPTION_PREFIX = "speed.kafka.";

  public static SpeedSettings from(LakehouseConfig config) {
    Map<String, String> kafka = new LinkedHashMap<>();
    config.withPrefix(KAFKA_OPTION_PREFIX).forEach((k, v) -> kafka.put("kafka." + k, v));
    return new SpeedSettings(
        config.get("kafka.bootstrap.servers"),
        new BronzeTopics(config.get("speed.topic.prefix")),
        config.get("registry.url"),
        config.get("catalog.name"),
        config.get("speed.namespace"),
        config.getPath("speed.checkpoint.dir"),
        positive(config, "speed.max.offsets.per.trigger"),
        Duration.ofMillis(positive(config, "speed.trigger.interval.ms")),
        Duration.ofSeconds(nonNegative(config, "speed.watermark.delay.seconds")),
        Duration.ofSeconds(nonNegative(config, "speed.allowed.lateness.seconds")),
        Duration.ofDays(positive(config, "speed.open.order.retention.days")),
        Duration.ofSeconds(positive(config, "speed.kpi.window.seconds")),
        Duration.ofSeconds(nonNegative(config, "speed.stop.grace.seconds")),
        Map.copyOf(kafka));
  }

  public OrderTracker tracker() {
    return new OrderTracker(allowedLateness.toMillis(), openOrderRetention.toMillis(),
        new KpiWindows(kpiWindow.toMillis(), allowedLateness.toMillis()));
  }

  private static long positive(LakehouseConfig config, String key) {
    long value = config.getLong(key);
    if (value <= 0) {
      throw new IllegalArgumentException("configuration key '" + key + "' must be positive, got " + value);
    }
    return value;
  }

  private static long nonNegative(LakehouseConfig config, String key) {
    long value = config.getLong(key);
    if (value < 0) {
      throw new IllegalArgumentException("configuration key '" + key + "' must not be negative, got " + value);
    }
    return value;
  }
}
