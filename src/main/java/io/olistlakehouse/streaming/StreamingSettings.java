package io.olistlakehouse.streaming;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.kafka.KafkaClients;
import io.olistlakehouse.platform.kafka.KafkaClients.Role;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.spark.KafkaSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What every streaming job reads the same way from the one configuration, each under its own key prefix
 * ({@code ingest.}, {@code speed.}; documented in configs/lakehouse.properties). Tests and benchmarks point a job at
 * other topics, namespaces or checkpoints by overriding keys, never by another path.
 */
public record StreamingSettings(
    String keyPrefix,
    String bootstrapServers,
    Map<String, String> kafkaAuthentication,
    String topicPrefix,
    String registryUrl,
    String catalogName,
    String namespace,
    Path checkpointDir,
    long maxOffsetsPerTrigger,
    Duration triggerInterval,
    Duration stopGrace,
    Map<String, String> kafkaOptions) {

  public static StreamingSettings from(LakehouseConfig config, String keyPrefix) {
    return new StreamingSettings(
        keyPrefix,
        config.get("kafka.bootstrap.servers"),
        KafkaClients.authentication(config, Role.JOBS),
        config.get(keyPrefix + "topic.prefix"),
        SchemaRegistryClient.clientUrl(config),
        config.get("catalog.name"),
        config.get(keyPrefix + "namespace"),
        config.getPath(keyPrefix + "checkpoint.dir"),
        config.getPositiveLong(keyPrefix + "max.offsets.per.trigger"),
        Duration.ofMillis(config.getNonNegativeLong(keyPrefix + "trigger.interval.ms")),
        Duration.ofSeconds(config.getNonNegativeLong(keyPrefix + "stop.grace.seconds")),
        // <prefix>kafka.<x> is passed to the Kafka source as the consumer setting kafka.<x>.
        KafkaSource.options(config, keyPrefix + "kafka."));
  }

  /** The job's Kafka source over {@code topics}, from their earliest offsets. */
  public Dataset<Row> readKafka(SparkSession spark, List<String> topics) {
    Map<String, String> options = new LinkedHashMap<>(kafkaOptions);
    kafkaAuthentication.forEach((k, v) -> options.put("kafka." + k, v));
    return KafkaSource.read(spark, bootstrapServers, topics, maxOffsetsPerTrigger, options);
  }

  /** Settings of a plain Kafka client (admin, consumer) connecting as the job does. */
  public Properties kafkaClient() {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.putAll(kafkaAuthentication);
    return p;
  }

  /** {@code <catalog>.<namespace>}, the prefix of every table the job writes. */
  public String qualifiedNamespace() {
    return catalogName + "." + namespace;
  }
}
