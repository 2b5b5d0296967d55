package io.olistlakehouse.replay;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.kafka.KafkaClients;
import io.olistlakehouse.platform.kafka.KafkaClients.Role;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The replayer's Kafka producer: tuning from {@code replay.producer.*}, exactly-once settings fixed here. */
public final class ReplayProducers {

  private ReplayProducers() {}

  /** The tuning part of the producer configuration, shared with the benchmark's baseline. */
  public static Properties tuning(LakehouseConfig config) {
    Properties p = new Properties();
    p.putAll(config.withPrefix("replay.producer."));
    p.putAll(KafkaClients.settings(config, Role.REPLAYER));
    // Not overridable: the restart guarantee rests on them.
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return p;
  }

  public static KafkaProducer<byte[], byte[]> create(LakehouseConfig config, String transactionalId) {
    Properties p = tuning(config);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "replay-" + transactionalId);
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * One transactional id per (source, topic prefix): a second instance replaying the same data into the same
   * topics fences the first, and different targets never interfere.
   */
  public static String transactionalId(LakehouseConfig config, String sourceFingerprint, String topicPrefix) {
    return config.get("replay.transactional.id.prefix")
        + PositionStore.sha256(sourceFingerprint + "\n" + topicPrefix).substring(0, 24);
  }
}
