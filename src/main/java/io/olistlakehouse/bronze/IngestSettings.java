package io.olistlakehouse.bronze;

import io.olistlakehouse.config.LakehouseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the ingest reads and writes and how hard it pushes, all from the one configuration ({@code ingest.*} keys,
 * documented in configs/lakehouse.properties). Tests and the bench inject other topics, namespace or checkpoint by
 * overriding keys of the configuration, never by another path.
 */
public record IngestSettings(
    String bootstrapServers,
    BronzeTopics topics,
    String registryUrl,
    String catalogName,
    String namespace,
    Path checkpointDir,
    long maxOffsetsPerTrigger,
    Duration triggerInterval,
    long targetFileSizeBytes,
    String fileFormat,
    int writeParallelism,
    Duration stopGrace,
    Map<String, String> kafkaOptions) {

  /** Keys with this prefix are passed to the Kafka source as {@code kafka.<rest>} consumer properties. */
  public static final String KAFKA_OPTION_PREFIX = "ingest.kafka.";

  public static IngestSettings from(LakehouseConfig config) {
    Map<String, String> kafka = new LinkedHashMap<>();
    config.withPrefix(KAFKA_OPTION_PREFIX).forEach((k, v) -> kafka.put("kafka." + k, v));
    return new IngestSettings(
        config.get("kafka.bootstrap.servers"),
        new BronzeTopics(config.get("ingest.topic.prefix")),
        config.get("registry.url"),
        config.get("catalog.name"),
        config.get("ingest.namespace"),
        config.getPath("ingest.checkpoint.dir"),
        positive(config, "ingest.max.offsets.per.trigger"),
        Duration.ofSeconds(config.getLong("ingest.trigger.interval.seconds")),
        positive(config, "ingest.target.file.size.bytes"),
        config.get("ingest.file.format"),
        (int) positive(config, "ingest.write.parallelism"),
        Duration.ofSeconds(config.getLong("ingest.stop.grace.seconds")),
        Map.copyOf(kafka));
  }

  private static long positive(LakehouseConfig config, String key) {
    long value = config.getLong(key);
    if (value <= 0) {
      throw new IllegalArgumentException("configuration key '" + key + "' must be positive, got " + value);
    }
    return value;
  }
}
