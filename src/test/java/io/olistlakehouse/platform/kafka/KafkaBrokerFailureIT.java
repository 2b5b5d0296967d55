package io.olistlakehouse.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.testing.TestPlatform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** One broker dies (kill -9) while a producer writes with acks=all: nothing acknowledged may be lost. */
class KafkaBrokerFailureIT {

  private static final int RECORDS_PER_PHASE = 5_000;

  @Test
  void acknowledgedRecordsSurviveABrokerKilledMidStream() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    Platform platform = fixture.platform();
    String bootstrap = fixture.config().get("kafka.bootstrap.servers");
    String topic = "broker-failure-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 6, (short) 3)
          .configs(Map.of("min.insync.replicas", "2")))).all().get(30, TimeUnit.SECONDS);
    }

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<List<String>> failures = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
      String victim = KafkaCluster.processName("2");
      // Killed halfway through a phase, with sends in flight: those may fail (they were never acknowledged).
      produce(producer, topic, 0, acknowledged, failures.get(0), () -> platform.supervisor().kill(victim));
      assertTrue(platform.supervisor().running(victim).isEmpty(), "broker 2 is down");
      // With one of three replicas gone, min.insync.replicas=2 still holds: acks=all writes go on.
      produce(producer, topic, 1, acknowledged, failures.get(1), () -> { });
      platform.up();
      produce(producer, topic, 2, acknowledged, failures.get(2), () -> { });
    }
    awaitFullIsr(bootstrap, topic);

    assertEquals(List.of(), firstFew(failures.get(1)), "every send while the broker is down is acknowledged");
    assertEquals(List.of(), firstFew(failures.get(2)), "every send after the broker returned is acknowledged");
    assertEquals(3 * RECORDS_PER_PHASE, acknowledged.size() + failures.get(0).size(),
        "each record was either acknowledged or reported failed");
    assertTrue(acknowledged.size() > 2 * RECORDS_PER_PHASE, "records of the phase with the kill were acknowledged "
        + "too; failures there: " + firstFew(failures.get(0)));
    assertEquals(acknowledged, readAll(bootstrap, topic), "every acknowledged record is in the topic");
  }

  private static List<String> firstFew(List<String> failures) {
    synchronized (failures) {
      return failures.size() <= 3 ? List.copyOf(failures)
          : List.of(failures.get(0), failures.get(1), failures.get(2), "... and " + (failures.size() - 3) + " more");
    }
  }

  private static void produce(KafkaProducer<String, String> producer, String topic, int phase,
      Set<String> acknowledged, List<String> failures, Runnable halfway) throws Exception {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (int i = 0; i < RECORDS_PER_PHASE; i++) {
      if (i == RECORDS_PER_PHASE / 2) {
        halfway.run();
      }
      String value = phase + "-" + i;
      sends.add(producer.send(new ProducerRecord<>(topic, Integer.toString(i), value), (meta, error) -> {
        if (error == null) {
          acknowledged.add(value);
        } else {
          synchronized (failures) {
            failures.add(value + ": " + error);
          }
        }
      }));
    }
    producer.flush();
    for (Future<RecordMetadata> f : sends) {
      try {
        f.get();
      } catch (Exception e) {
        // already recorded by the callback
      }
    }
  }

  /** The returned broker catches up: every partition is back to three in-sync replicas. */
  private static void awaitFullIsr(String bootstrap, String topic) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      while (true) {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        if (description.partitions().stream().allMatch(p -> p.isr().size() == 3)) {
          return;
        }
        assertTrue(System.nanoTime() < deadline, "broker 2 did not rejoin the ISR: " + description);
        Thread.sleep(500);
      }
    }
  }

  private static Properties producerProps(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return p;
  }

  private static Set<String> readAll(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Set<String> values = new HashSet<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertTrue(System.nanoTime() < deadline, "reading the topic back timed out");
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
