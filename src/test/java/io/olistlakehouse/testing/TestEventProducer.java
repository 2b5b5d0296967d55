package io.olistlakehouse.testing;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.platform.kafka.KafkaTopics;
import io.olistlakehouse.serde.ConfluentAvroSerializer;
import io.olistlakehouse.serde.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes valid bronze events (and, on request, raw bytes) to the nine topics of a prefix, as the replayer would:
 * Confluent wire format through the platform's registry, keyed, Kafka timestamp = event time, event times walking
 * forward over {@code spanDays}. Streams get events in Olist-like proportions.
 */
public final class TestEventProducer implements AutoCloseable {

  /** Events per stream in one cycle of 12: status changes dominate, as in a replay. */
  private static final BronzeStream[] CYCLE = {
      BronzeStream.ORDER_STATUS, BronzeStream.ORDER_STATUS, BronzeStream.ORDER_STATUS, BronzeStream.ORDER_STATUS,
      BronzeStream.PAYMENT, BronzeStream.ORDER_ITEM, BronzeStream.ESTIMATED_DELIVERY_DATE, BronzeStream.REVIEW,
      BronzeStream.PRODUCT, BronzeStream.SELLER, BronzeStream.CUSTOMER, BronzeStream.GEOLOCATION};

  private final LakehouseConfig config;
  private final BronzeTopics topics;
  private final KafkaProducer<byte[], byte[]> producer;
  private final ConfluentAvroSerializer serializer;
  private final Map<BronzeStream, Long> sent = new EnumMap<>(BronzeStream.class);
  private final AtomicLong failures = new AtomicLong();

  public TestEventProducer(LakehouseConfig config, BronzeTopics topics) {
    this.config = config;
    this.topics = topics;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"));
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 134_217_728L);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
    this.serializer = new ConfluentAvroSerializer(SchemaRegistryClient.fromConfig(config));
  }

  /** Creates the nine topics as the platform configures them (partitions, replication, min ISR). */
  public TestEventProducer ensureTopics() {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.get("kafka.bootstrap.servers")))) {
      for (String topic : topics.all()) {
        KafkaTopics.ensure(admin, new NewTopic(topic, config.getInt("kafka.default.partitions"),
            (short) config.getInt("kafka.default.replication.factor"))
            .configs(Map.of("min.insync.replicas", config.get("kafka.min.insync.replicas"))), Duration.ofMinutes(1));
      }
    }
    return this;
  }

  public static BronzeStream streamOf(long n) {
    return CYCLE[(int) (n % CYCLE.length)];
  }

  /** Sends events {@code first .. first+count-1}; event n happens at {@code start + n * span / total}. */
  public void sendValid(long first, long count, long total, Duration span) {
    long stepMillis = Math.max(1, span.toMillis() / Math.max(1, total));
    for (long n = first; n < first + count; n++) {
      BronzeStream stream = streamOf(n);
      Instant at = TestEvents.FIRST_EVENT.plusMillis(n * stepMillis);
      String topic = topics.topic(stream);
      byte[] value = serializer.serialize(topic, TestEvents.record(stream, n, at));
      send(topic, TestEvents.key(stream, n).getBytes(StandardCharsets.UTF_8), value, at);
      sent.merge(stream, 1L, Long::sum);
    }
    flush();
  }

  /** Sends one contract record of {@code stream}, in the Confluent wire format, keyed and timestamped as given. */
  public Future<RecordMetadata> send(BronzeStream stream, String key, GenericRecord value, Instant timestamp) {
    String topic = topics.topic(stream);
    return send(topic, key.getBytes(StandardCharsets.UTF_8), serializer.serialize(topic, value), timestamp);
  }

  /** Sends raw bytes as they are (for records that must not decode); the future tells where they landed. */
  public Future<RecordMetadata> send(String topic, byte[] key, byte[] value, Instant timestamp) {
    return producer.send(new ProducerRecord<>(topic, null, timestamp.toEpochMilli(), key, value), (meta, error) -> {
      if (error != null) {
        failures.incrementAndGet();
      }
    });
  }

  public void flush() {
    producer.flush();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " test events were not acknowledged");
    }
  }

  public Map<BronzeStream, Long> sent() {
    return sent;
  }

  @Override
  public void close() {
    producer.close();
  }

  /** For manual runs: {@code <config file> <topic prefix> <events> <span days>}. */
  public static void main(String[] args) {
    Path home = Path.of(System.getProperty(LakehouseConfig.HOME_PROPERTY, ".")).toAbsolutePath();
    LakehouseConfig config = LakehouseConfig.load(home.resolve(args[0]), System.getenv(), home);
    long events = Long.parseLong(args[2]);
    long start = System.nanoTime();
    try (TestEventProducer p = new TestEventProducer(config, new BronzeTopics(args[1])).ensureTopics()) {
      p.sendValid(0, events, events, Duration.ofDays(Long.parseLong(args[3])));
      System.out.printf("%d events in %.1f s: %s%n", events, (System.nanoTime() - start) / 1e9, p.sent());
    }
  }
}
