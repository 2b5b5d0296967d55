package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The publishing loop: each released event is paced, serialized (Confluent wire format) and sent in the open
 * transaction; every N events or T ms the position is added and the transaction committed. The last transaction
 * carries the completed position.
 */
final class ReplayPublisher {

  /** Builds the position record for (events committed, completed). */
  interface PositionRecords extends BiFunction<Long, Boolean, ProducerRecord<byte[], byte[]>> {}

  private final ReplayTopics topics;
  private final Serializer<GenericRecord> values;
  private final IngestJitter jitter;
  private final PublishSettings settings;

  ReplayPublisher(ReplayTopics topics, Serializer<GenericRecord> values, IngestJitter jitter,
      PublishSettings settings) {
    this.topics = topics;
    this.values = values;
    this.jitter = jitter;
    this.settings = settings;
  }

  /** Publishes the rest of {@code stream}, whose first {@code startIndex} events are already in Kafka. */
  ReplayOutcome publish(EventStream stream, long startIndex, TransactionalSender sender, Pacer pacer,
      PositionRecords positions, ProgressReporter progress) {
    long txMaxNanos = settings.transactionMaxMillis() * 1_000_000L;
    Map<BronzeStream, Long> perStream = new EnumMap<>(BronzeStream.class);
    long index = startIndex;
    long keyBytes = 0;
    long valueBytes = 0;
    long transactions = 0;
    long start = System.nanoTime();
    while (stream.hasNext()) {
      ReplayEvent event = stream.next();
      long due = start + pacer.dueNanos(index - startIndex, event.eventTime());
      transactions += waitUntil(due, sender, txMaxNanos, positions, index, stream, progress);
      String topic = topics.topic(event.stream());
      byte[] key = event.key().getBytes(StandardCharsets.UTF_8);
      byte[] value = values.serialize(topic, BronzeRecords.of(event, jitter.ingestTime(event)));
      sender.send(new ProducerRecord<>(topic, null, event.eventTime(), key, value));
      index++;
      keyBytes += key.length;
      valueBytes += value.length;
      perStream.merge(event.stream(), 1L, Long::sum);
      if (sender.eventsInTransaction() >= settings.transactionMaxEvents()
          || System.nanoTime() - sender.openedAtNanos() >= txMaxNanos) {
        sender.commit(positions.apply(index, false));
        transactions++;
      }
      progress.maybeReport(index, stream.clock(), stream.ordersReleased());
    }
    sender.commit(positions.apply(index, true));
    transactions++;
    long elapsed = System.nanoTime() - start;
    return new ReplayOutcome(false, startIndex, index - startIndex, index, perStream, stream.lateEvents(),
        keyBytes, valueBytes, elapsed, transactions, stream.clock());
  }

  /** Sleeps until the event is due; an open transaction is committed meanwhile once it is old enough. */
  private int waitUntil(long due, TransactionalSender sender, long txMaxNanos, PositionRecords positions,
      long index, EventStream stream, ProgressReporter progress) {
    int commits = 0;
    long now;
    while ((now = System.nanoTime()) < due) {
      if (sender.inTransaction() && now - sender.openedAtNanos() >= txMaxNanos) {
        sender.commit(positions.apply(index, false));
        commits++;
      }
      progress.maybeReport(index, stream.clock(), stream.ordersReleased());
      long until = sender.inTransaction() ? Math.min(due, sender.openedAtNanos() + txMaxNanos) : due;
      sleepNanos(Math.min(until - System.nanoTime(), 1_000_000_000L));
    }
    return commits;
  }

  private static void sleepNanos(long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplayException("replay interrupted; run it again to resume from the last committed transaction");
    }
  }
}
