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

  private CommittedRecords() {}

  /** Committed records per topic (a topic that does not exist counts 0). */
  public static Map<String, Long> count(String bootstrap, Collection<String> topics, Duration timeout) {
    Map<String, Long> counts = new TreeMap<>();
    topics.forEach(t -> counts.put(t, 0L));
    forEach(bootstrap, topics, timeout, r -> counts.merge(r.topic(), 1L, Long::sum));
    return counts;
  }

  /** Calls {@code action} for every committed record of the topics, up to their current last stable offsets. */
  public static void forEach(String bootstrap, Collection<String> topics, Duration timeout,
      Consumer<ConsumerRecord<byte[], byte[]>> action) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
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
      // For a read_committed consumer these are the last stable offsets.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
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
