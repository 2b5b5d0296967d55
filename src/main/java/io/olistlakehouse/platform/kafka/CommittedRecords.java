package io.olistlakehouse.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from the beginning as a read_committed consumer sees them: records of aborted transactions and
 * transaction markers are not there, so offsets cannot be used for counting.
 */
public final class CommittedRecords {

  private static final Duration MARKER_SETTLE = Duration.ofSeconds(10);

  private CommittedRecords() {}

  /** Committed records per topic (a topic that does not exist counts 0). */
  public static Map<String, Long> count(Properties client, Collection<String> topics, Duration timeout) {
    Map<String, Long> counts = new TreeMap<>();
    topics.forEach(t -> counts.put(t, 0L));
    forEach(client, topics, timeout, r -> counts.merge(r.topic(), 1L, Long::sum));
    return counts;
  }

  /**
   * The last stable offsets, once the markers of just-committed transactions have reached the partitions: a
   * producer's commit returns before the coordinator has written them, and until then the last stable offset still
   * stops at the transaction's first record. Waits at most {@link #MARKER_SETTLE} for the stable offsets to reach the
   * log ends; a transaction still open after that is left out, as read_committed readers leave it out.
   */
  private static Map<TopicPartition, Long> stableEnds(KafkaConsumer<byte[], byte[]> committed,
      List<TopicPartition> partitions, Properties client, Duration timeout) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_UNCOMMITTED.toString());
    try (KafkaConsumer<byte[], byte[]> uncommitted =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Map<TopicPartition, Long> logEnds = uncommitted.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + MARKER_SETTLE.toNanos();
      while (true) {
        Map<TopicPartition, Long> stable = committed.endOffsets(partitions, timeout);
        // Settled: nothing before the log end (as first read) is held back by an open transaction any more.
        boolean settled = partitions.stream().allMatch(tp -> stable.get(tp) >= logEnds.get(tp));
        if (settled || System.nanoTime() > deadline) {
          return stable;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return stable;
        }
      }
    }
  }

  /** Calls {@code action} for every committed record of the topics, up to their current last stable offsets. */
  public static void forEach(Properties client, Collection<String> topics, Duration timeout,
      Consumer<ConsumerRecord<byte[], byte[]>> action) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      Map<String, List<PartitionInfo>> all = consumer.listTopics(timeout);
      for (String topic : topics) {
        for (PartitionInfo info : all.getOrDefault(topic, List.of())) {
          partitions.add(new TopicPartition(topic, info.partition()));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = stableEnds(consumer, partitions, client, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reading " + topics + " back did not finish within "
              + timeout.toSeconds() + " s");
        }
        consumer.poll(Duration.ofMillis(500)).forEach(action);
      }
    }
  }
}
