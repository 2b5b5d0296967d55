package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The publishing loop: each event, prepared (serialized) ahead on its own thread, is paced and sent in the open
 * transaction; every N events or T ms the position is added and the transaction committed. The last transaction
 * carries the completed position. A requested stop (SIGTERM) commits what was sent, so a resumed replay continues
 * exactly there and readers are not held up by an open transaction.
 */
final class ReplayPublisher {

  /** Builds the position record for (events committed, replay clock, completed). */
  interface PositionRecords {
    ProducerRecord<byte[], byte[]> record(long events, long clock, boolean completed);
  }

  private final ReplayTopics topics;
  private final Serializer<GenericRecord> values;
  private final IngestJitter jitter;
  private final PublishSettings settings;
  private SendListener listener = SendListener.NONE;
  private BooleanSupplier stopRequested = () -> false;

  ReplayPublisher(ReplayTopics topics, Serializer<GenericRecord> values, IngestJitter jitter,
      PublishSettings settings) {
    this.topics = topics;
    this.values = values;
    this.jitter = jitter;
    this.settings = settings;
  }

  ReplayPublisher listening(SendListener sendListener) {
    this.listener = sendListener;
    return this;
  }

  /** Once {@code stop} says so, the loop sends nothing more and commits what it has sent (not completed). */
  ReplayPublisher stoppingWhen(BooleanSupplier stop) {
    this.stopRequested = stop;
    return this;
  }

  /** Publishes the rest of {@code stream}, whose first {@code startIndex} events are already in Kafka. */
  ReplayOutcome publish(EventStream stream, long startIndex, TransactionalSender sender, Pacer pacer,
      PositionRecords positions, ProgressReporter progress) {
    Loop loop = new Loop(sender, positions, progress, startIndex, stream.clock(), stream.ordersReleased());
    try (PreparedEvents events = new PreparedEvents(stream, topics, values, jitter)) {
      return publish(events, startIndex, sender, pacer, loop, progress);
    } catch (RuntimeException e) {
      sender.abortQuietly();
      throw e;
    }
  }

  private ReplayOutcome publish(PreparedEvents events, long startIndex, TransactionalSender sender, Pacer pacer,
      Loop loop, ProgressReporter progress) {
    long[] perStream = new long[BronzeStream.values().length];
    long keyBytes = 0;
    long valueBytes = 0;
    long start = System.nanoTime();
    while (events.hasNext() && !stopRequested.getAsBoolean()) {
      PreparedEvent event = events.next();
      if (!loop.waitUntil(start + pacer.dueNanos(loop.index - startIndex, event.eventTime()))) {
        break; // stopped while pacing: this event was not sent, so the resumed replay sends it
      }
      sender.send(new ProducerRecord<>(event.topic(), null, event.eventTime(), event.key(), event.value()));
      listener.sent(event.stream(), event.key(), event.opensOrder());
      loop.sent(event);
      keyBytes += event.key().length;
      valueBytes += event.value().length;
      perStream[event.stream().ordinal()]++;
      if (sender.eventsInTransaction() >= settings.transactionMaxEvents() || loop.transactionDue()) {
        loop.commit(false);
      }
      progress.maybeReport(loop.index, loop.clock, loop.ordersReleased);
    }
    boolean stopped = stopRequested.getAsBoolean();
    loop.commit(!stopped);
    EventStream done = events.stream();
    return new ReplayOutcome(false, stopped, startIndex, loop.index - startIndex, loop.index, countsByStream(perStream),
        done.lateEvents(), done.peakPendingEvents(), keyBytes, valueBytes, System.nanoTime() - start,
        loop.transactions, loop.clock);
  }

  private static Map<BronzeStream, Long> countsByStream(long[] counts) {
    Map<BronzeStream, Long> byStream = new EnumMap<>(BronzeStream.class);
    for (BronzeStream stream : BronzeStream.values()) {
      if (counts[stream.ordinal()] > 0) {
        byStream.put(stream, counts[stream.ordinal()]);
      }
    }
    return byStream;
  }

  /** The loop's counters and its waiting: pacing sleeps, committing an open transaction once it is old enough. */
  private final class Loop {
    private final TransactionalSender sender;
    private final PositionRecords positions;
    private final ProgressReporter progress;
    private final long txMaxNanos = settings.transactionMaxMillis() * 1_000_000L;
    private long index;
    private long clock;
    private long ordersReleased;
    private long transactions;

    Loop(TransactionalSender sender, PositionRecords positions, ProgressReporter progress, long index, long clock,
        long ordersReleased) {
      this.sender = sender;
      this.positions = positions;
      this.progress = progress;
      this.index = index;
      this.clock = clock;
      this.ordersReleased = ordersReleased;
    }

    void sent(PreparedEvent event) {
      index++;
      clock = Math.max(clock, event.eventTime());
      if (event.opensOrder()) {
        ordersReleased++;
      }
    }

    boolean transactionDue() {
      return sender.inTransaction() && System.nanoTime() - sender.openedAtNanos() >= txMaxNanos;
    }

    void commit(boolean completed) {
      sender.commit(positions.record(index, clock, completed));
      transactions++;
    }

    /** Waits until {@code due}; false if a stop was requested meanwhile. */
    boolean waitUntil(long due) {
      long now;
      while ((now = System.nanoTime()) < due) {
        if (stopRequested.getAsBoolean()) {
          return false;
        }
        if (transactionDue()) {
          commit(false);
        }
        progress.maybeReport(index, clock, ordersReleased);
        long until = sender.inTransaction() ? Math.min(due, sender.openedAtNanos() + txMaxNanos) : due;
        sleepNanos(Math.min(until - now, 100_000_000L));
      }
      return true;
    }

    private void sleepNanos(long nanos) {
      if (nanos <= 0) {
        return;
      }
      try {
        Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReplayException("replay interrupted; run it again to resume from the last committed "
            + "transaction");
      }
    }
  }
}
