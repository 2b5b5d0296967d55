package io.olistlakehouse.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Replay positions in a compacted topic, keyed by a hash of the source fingerprint. A position is written by the
 * replayer's transactional producer in the same transaction as the events it counts, so for read_committed readers
 * the two can never disagree.
 */
public final class PositionStore {

  private final Properties client;
  private final String topic;
  private final Duration timeout;

  /** {@code client}: the bootstrap servers and authentication of the consumer that reads positions back. */
  public PositionStore(Properties client, String topic, Duration timeout) {
    this.client = client;
    this.topic = topic;
    this.timeout = timeout;
  }

  public static String key(String sourceFingerprint) {
    return sha256(sourceFingerprint);
  }

  public ProducerRecord<byte[], byte[]> record(String key, ReplayPosition position) {
    return new ProducerRecord<>(topic, 0, key.getBytes(StandardCharsets.UTF_8), position.toJson());
  }

  /**
   * The last committed position of {@code key}. Call it after the producer's initTransactions, which settles any
   * transaction a crashed predecessor left open; reading then goes on until the committed view reaches the end of
   * the topic, so a transaction still open elsewhere is waited for rather than read around.
   */
  public Optional<ReplayPosition> load(Admin admin, String key) {
    TopicPartition tp = new TopicPartition(topic, 0);
    long end = endOffset(admin, tp);
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "replay-position-reader");
    ReplayPosition latest = null;
    byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (consumer.position(tp) < end) {
        if (System.nanoTime() > deadline) {
          throw new ReplayException("the position topic " + topic + " did not become readable up to offset " + end
              + " within " + timeout.toSeconds() + " s (a transaction of another producer left open?)");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (Arrays.equals(wanted, r.key())) {
            latest = r.value() == null ? null : ReplayPosition.fromJson(r.value());
          }
        }
      }
    }
    return Optional.ofNullable(latest);
  }

  private long endOffset(Admin admin, TopicPartition tp) {
    try {
      return admin.listOffsets(Map.of(tp, OffsetSpec.latest()),
              new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
          .partitionResult(tp).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (ExecutionException | TimeoutException e) {
      throw new ReplayException("cannot read the end of the position topic " + topic + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplayException("interrupted while reading the position topic " + topic, e);
    }
  }

  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
