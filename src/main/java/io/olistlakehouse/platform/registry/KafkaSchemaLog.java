package io.olistlakehouse.platform.registry;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.kafka.KafkaClients;
import io.olistlakehouse.platform.kafka.KafkaTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The schema log as a compacted, single-partition Kafka topic ({@code registry.topic}); one partition keeps the
 * records in one order, and compaction keeps the latest record per {@link SchemaRecord#key()}, which is all replay
 * needs. Writes are synchronous (acks=all, idempotent producer). Single-writer: see {@link RegistryService}.
 */
public final class KafkaSchemaLog implements SchemaLog {

  private static final System.Logger LOG = System.getLogger(KafkaSchemaLog.class.getName());
  private static final Duration POLL = Duration.ofMillis(200);

  private final String topic;
  private final TopicPartition partition;
  private final Map<String, Object> common;
  private final int replicationFactor;
  private final String minInsyncReplicas;
  private final long timeoutMs;
  private KafkaProducer<String, byte[]> producer;

  public KafkaSchemaLog(LakehouseConfig config) {
    this.topic = config.get("registry.topic", "_schemas");
    this.partition = new TopicPartition(topic, 0);
    // The registry connects as the admin: it creates and owns its topic.
    this.common = Map.<String, Object>copyOf(KafkaClients.settings(config, KafkaClients.Role.ADMIN));
    this.replicationFactor = config.getInt("kafka.default.replication.factor");
    this.minInsyncReplicas = config.get("kafka.min.insync.replicas");
    this.timeoutMs = TimeUnit.SECONDS.toMillis(Long.parseLong(config.get("platform.startup.timeout.seconds", "90")));
  }

  @Override
  public synchronized void append(SchemaRecord record) {
    try {
      // Wait for the ack: the caller answers the client only once the record is replicated.
      producer().send(new ProducerRecord<>(topic, 0, record.key(), SchemaRecordCodec.encode(record)))
          .get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to topic " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("write to topic " + topic + " failed: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("write to topic " + topic + " not acknowledged within " + timeoutMs + " ms", e);
    }
  }

  @Override
  public void replay(Consumer<SchemaRecord> consumer) {
    ensureTopic();
    Properties props = new Properties();
    props.putAll(common);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-replay");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(props)) {
      kafka.assign(List.of(partition));
      kafka.seekToBeginning(List.of(partition));
      long end = kafka.endOffsets(List.of(partition), Duration.ofMillis(timeoutMs)).get(partition);
      long deadline = System.currentTimeMillis() + timeoutMs;
      while (kafka.position(partition, Duration.ofMillis(timeoutMs)) < end) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("replaying topic " + topic + " did not reach end offset " + end
              + " within " + timeoutMs + " ms");
        }
        for (ConsumerRecord<String, byte[]> r : kafka.poll(POLL)) {
          if (r.value() == null) {
            continue; // tombstone: nothing this registry writes, but harmless
          }
          try {
            consumer.accept(SchemaRecordCodec.decode(r.value()));
          } catch (IllegalArgumentException e) {
            throw new IllegalStateException("corrupt record at offset " + r.offset() + " of topic " + topic
                + " (key " + r.key() + "): " + e.getMessage(), e);
          }
        }
      }
      LOG.log(System.Logger.Level.INFO, "replayed topic {0} up to offset {1}", topic, end);
    }
    producer().partitionsFor(topic); // connects now, so the first registration is not slowed down
  }

  /** Creates the topic if absent; an existing one must have a single partition, or record order is lost. */
  private void ensureTopic() {
    Properties props = new Properties();
    props.putAll(common);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "schema-registry-admin");
    try (Admin admin = Admin.create(props)) {
      NewTopic spec = new NewTopic(topic, 1, (short) replicationFactor).configs(Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
          TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsyncReplicas));
      TopicDescription description = KafkaTopics.ensure(admin, spec, Duration.ofMillis(timeoutMs));
      if (description.partitions().size() != 1) {
        throw new IllegalStateException("topic " + topic + " must have exactly 1 partition, it has "
            + description.partitions().size());
      }
    }
  }

  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(producerProperties());
    }
    return producer;
  }

  private Properties producerProperties() {
    Properties props = new Properties();
    props.putAll(common);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return props;
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }
}
