package io.olistlakehouse.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.source.model.OrderBundle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** Transactions, positions and failures of the publishing loop, against Kafka's MockProducer. */
class ReplayPublisherTest {

  private static final ReplayTopics TOPICS = new ReplayTopics("t-", "_replay_position");
  private static final Serializer<GenericRecord> AVRO = (topic, record) -> AvroBytes.encode(record);
  private final List<OrderBundle> bundles = EventStreamTest.randomOrders(300, 8);
  private final PositionStore store =
      new PositionStore(new java.util.Properties(), TOPICS.positionTopic(), Duration.ofSeconds(1));

  private ReplayOutcome publish(MockProducer<byte[], byte[]> producer, long startIndex, long txEvents) {
    producer.initTransactions();
    EventStream stream = new EventStream(bundles.iterator(), TestBundles.SETTINGS);
    stream.skip(startIndex);
    ReplayPublisher publisher = new ReplayPublisher(TOPICS, AVRO, new IngestJitter(1, 2_000),
        new PublishSettings(txEvents, 3_600_000, 1_000));
    return publisher.publish(stream, startIndex, new TransactionalSender(producer), Pacer.max(),
        (events, clock, completed) -> store.record("k", new ReplayPosition("src", "d", events, clock, completed)),
        new ProgressReporter(new PrintStream(new ByteArrayOutputStream()), 1_000, bundles.size(), startIndex));
  }

  private static MockProducer<byte[], byte[]> producer() {
    return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Test
  void everyTransactionEndsWithThePositionItCommitsAndTheLastSaysCompleted() {
    MockProducer<byte[], byte[]> producer = producer();
    ReplayOutcome outcome = publish(producer, 0, 100);
    long events = TestBundles.replay(bundles).size();
    assertEquals(events, outcome.published());
    long expectedCommits = (events + 99) / 100 + (events % 100 == 0 ? 1 : 0);
    assertEquals(expectedCommits, producer.commitCount());
    assertEquals(expectedCommits, outcome.transactions());

    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertEquals(events + expectedCommits, sent.size());
    long counted = 0;
    List<ReplayPosition> positions = new ArrayList<>();
    for (ProducerRecord<byte[], byte[]> r : sent) {
      if (r.topic().equals(TOPICS.positionTopic())) {
        ReplayPosition p = ReplayPosition.fromJson(r.value());
        assertEquals(counted, p.events(), "a position counts exactly the events before it");
        positions.add(p);
      } else {
        assertTrue(r.topic().startsWith("t-"), r.topic());
        counted++;
      }
    }
    assertTrue(positions.get(positions.size() - 1).completed());
    assertTrue(positions.subList(0, positions.size() - 1).stream().noneMatch(ReplayPosition::completed));
  }

  @Test
  void recordsCarryEventTimeAsTimestampAndTheOrderIdAsKey() {
    MockProducer<byte[], byte[]> producer = producer();
    publish(producer, 0, 1_000);
    List<ReplayEvent> events = TestBundles.replay(bundles);
    List<ProducerRecord<byte[], byte[]>> sent = producer.history().stream()
        .filter(r -> !r.topic().equals(TOPICS.positionTopic())).toList();
    for (int i = 0; i < events.size(); i++) {
      assertEquals(TOPICS.topic(events.get(i).stream()), sent.get(i).topic());
      assertEquals(events.get(i).eventTime(), sent.get(i).timestamp());
      assertArrayEquals(events.get(i).key().getBytes(), sent.get(i).key());
    }
  }

  @Test
  void aResumedRunSendsExactlyTheRemainingRecords() {
    MockProducer<byte[], byte[]> whole = producer();
    publish(whole, 0, 250);
    MockProducer<byte[], byte[]> resumed = producer();
    ReplayOutcome outcome = publish(resumed, 777, 250);
    assertEquals(777, outcome.resumedAt());
    List<ProducerRecord<byte[], byte[]>> all = events(whole);
    List<ProducerRecord<byte[], byte[]>> rest = events(resumed);
    assertEquals(all.size() - 777, rest.size());
    for (int i = 0; i < rest.size(); i++) {
      assertArrayEquals(all.get(777 + i).value(), rest.get(i).value(), "record " + (777 + i));
    }
  }

  @Test
  void aFailedSendStopsTheReplayWithItsReasonAndCommitsNothingAfterIt() {
    MockProducer<byte[], byte[]> failing = new MockProducer<>(true, null, new ByteArraySerializer(),
        new ByteArraySerializer()) {
      @Override
      public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        if (record.topic().equals("t-payment")) {
          callback.onCompletion(null, new RecordTooLargeException("record of 2 MB is too large"));
        }
        return super.send(record, callback);
      }
    };
    ReplayException e = assertThrows(ReplayException.class, () -> publish(failing, 0, 1_000_000));
    assertTrue(e.getMessage().contains("t-payment") && e.getMessage().contains("too large"), e.getMessage());
    assertEquals(0, failing.commitCount());
    assertFalse(failing.transactionCommitted());
    assertTrue(failing.transactionAborted(), "the open transaction is aborted, not left to time out");
  }

  @Test
  void aFailureWhilePreparingEventsStopsTheReplayWithItsOwnMessage() {
    Serializer<GenericRecord> failing = (topic, record) -> {
      if (topic.equals("t-review")) {
        throw new IllegalStateException("registry unreachable for " + topic);
      }
      return AvroBytes.encode(record);
    };
    MockProducer<byte[], byte[]> producer = producer();
    producer.initTransactions();
    EventStream stream = new EventStream(bundles.iterator(), TestBundles.SETTINGS);
    ReplayPublisher publisher = new ReplayPublisher(TOPICS, failing, new IngestJitter(1, 2_000),
        new PublishSettings(1_000_000, 3_600_000, 1_000));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> publisher.publish(stream, 0,
        new TransactionalSender(producer), Pacer.max(),
        (events, clock, completed) -> store.record("k", new ReplayPosition("s", "d", events, clock, completed)),
        new ProgressReporter(new PrintStream(new ByteArrayOutputStream()), 1_000, bundles.size(), 0)));
    assertEquals("registry unreachable for t-review", e.getMessage());
    assertEquals(0, producer.commitCount());
    // Whether a transaction was open depends on how far the sender got before the failure; none may stay open.
    assertFalse(producer.transactionInFlight(), "no transaction is left to time out");
  }

  private static List<ProducerRecord<byte[], byte[]>> events(MockProducer<byte[], byte[]> producer) {
    return producer.history().stream().filter(r -> !r.topic().equals(TOPICS.positionTopic())).toList();
  }
}
