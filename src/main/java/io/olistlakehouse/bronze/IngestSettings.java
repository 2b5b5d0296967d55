package io.olistlakehouse.bronze;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.spark.KafkaSource;
import java.nio.file.Path;
import java.time.Duration;
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
    String fileCompression,
    int writeParallelism,
    Duration stopGrace,
    Map<String, String> kafkaOptions) {

  /** Keys with this prefix are passed to the Kafka source as {@code kafka.<rest>} consumer properties. */
  public static final String KAFKA_OPTION_PREFIX = "ingest.kafka.";

  public static IngestSettings from(LakehouseConfig config) {
    return new IngestSettings(
        config.get("kafka.bootstrap.servers"),
        new BronzeTopics(config.get("ingest.topic.prefix")),
        config.get("registry.url"),
        config.get("catalog.name"),
        config.get("ingest.namespace"),
        config.getPath("ingest.checkpoint.dir"),
        config.getPositiveLong("ingest.max.offsets.per.trigger"),
        Duration.ofSeconds(config.getLong("ingest.trigger.interval.seconds")),
        config.getPositiveLong("ingest.target.file.size.bytes"),
        config.get("ingest.file.format"),
        config.get("ingest.file.compression"),
        (int) config.getPositiveLong("ingest.write.parallelism"),
        Duration.ofSeconds(config.getLong("ingest.stop.grace.seconds")),
        KafkaSource.options(config, KAFKA_OPTION_PREFIX));
  }
}
