package io.olistlakehouse.speed;

import io.olistlakehouse.bronze.BronzeTopics;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.serde.ConfluentAvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A sustained load at a fixed rate of events per second: new orders of four events each, keyed by order id. Every
 * n-th order after the warm-up is a sample: its id and the moment its purchase event was handed to the producer go
 * to the probe.
 */
final class FreshnessLoad {

  /** What was sent and over how long. */
  record Sent(long events, Duration took) {
    double rate() {
      return events / Math.max(1e-9, took.toNanos() / 1e9);
    }
  }

  private final Producer<byte[], byte[]> producer;
  private final ConfluentAvroSerializer serializer;
  private final BronzeTopics topics;

  FreshnessLoad(Producer<byte[], byte[]> producer, ConfluentAvroSerializer serializer, BronzeTopics topics) {
    this.producer = producer;
    this.serializer = serializer;
    this.topics = topics;
  }

  Sent run(String runId, long eventsPerSecond, Duration duration, Duration warmup, int sampleEvery,
      BiConsumer<String, Long> samples) {
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long events = 0;
    long orders = 0;
    while (System.nanoTime() < end) {
      long due = (long) ((System.nanoTime() - start) / 1e9 * eventsPerSecond);
      while (events < due) {
        String orderId = runId + "-" + orders;
        byte[] key = orderId.getBytes(StandardCharsets.UTF_8);
        long sentAt = System.nanoTime();
        for (Map.Entry<BronzeStream, GenericRecord> e
            : SyntheticOrderEvents.of(orderId, System.currentTimeMillis()).entrySet()) {
          String topic = topics.topic(e.getKey());
          producer.send(new ProducerRecord<>(topic, key, serializer.serialize(topic, e.getValue())));
          events++;
        }
        if (orders % sampleEvery == 0 && sentAt - start >= warmup.toNanos()) {
          samples.accept(orderId, sentAt);
        }
        orders++;
      }
      LockSupport.parkNanos(1_000_000);
    }
    producer.flush();
    return new Sent(events, Duration.ofNanos(System.nanoTime() - start));
  }
}
