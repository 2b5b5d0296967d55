package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The event stream derived, built into records and serialized on a thread of its own, a bounded number of batches
 * ahead of the sender: derivation keeps going while the sender waits for a commit or for buffer space, and the
 * sender's thread does nothing but send. Order is the stream's; a failure on the preparing thread is rethrown to
 * the reader as it was.
 */
final class PreparedEvents implements Iterator<PreparedEvent>, AutoCloseable {

  private static final int BATCH = 1_000;
  private static final int BATCHES_AHEAD = 64;

  /** What the preparing thread hands over last: nothing more, or why it stopped. */
  private record End(RuntimeException failure) {}

  private final EventStream stream;
  private final ReplayTopics topics;
  private final Serializer<GenericRecord> values;
  private final IngestJitter jitter;
  private final BlockingQueue<Object> handover = new ArrayBlockingQueue<>(BATCHES_AHEAD);
  private final Thread worker;
  private List<PreparedEvent> batch = List.of();
  private int position;
  private boolean ended;

  PreparedEvents(EventStream stream, ReplayTopics topics, Serializer<GenericRecord> values, IngestJitter jitter) {
    this.stream = stream;
    this.topics = topics;
    this.values = values;
    this.jitter = jitter;
    this.worker = new Thread(this::prepare, "replay-prepare");
    worker.setDaemon(true);
    worker.start();
  }

  private void prepare() {
    try {
      List<PreparedEvent> next = new ArrayList<>(BATCH);
      while (stream.hasNext()) {
        next.add(prepare(stream.next()));
        if (next.size() == BATCH) {
          handover.put(next);
          next = new ArrayList<>(BATCH);
        }
      }
      if (!next.isEmpty()) {
        handover.put(next);
      }
      handover.put(new End(null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the reader closed: nobody is waiting for more
    } catch (RuntimeException e) {
      handover.clear();
      handover.offer(new End(e));
    }
  }

  private PreparedEvent prepare(ReplayEvent event) {
    String topic = topics.topic(event.stream());
    byte[] value = values.serialize(topic, BronzeRecords.of(event, jitter.ingestTime(event)));
    boolean opensOrder = event.stream() == BronzeStream.ORDER_STATUS
        && StatusChange.PURCHASE.equals(((StatusChange) event.payload()).status());
    return new PreparedEvent(event.stream(), topic, event.key().getBytes(StandardCharsets.UTF_8), value,
        event.eventTime(), opensOrder);
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean hasNext() {
    while (position == batch.size() && !ended) {
      Object item;
      try {
        item = handover.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReplayException("replay interrupted; run it again to resume from the last committed transaction");
      }
      if (item instanceof End end) {
        ended = true;
        if (end.failure() != null) {
          throw end.failure();
        }
      } else {
        batch = (List<PreparedEvent>) item;
        position = 0;
      }
    }
    return position < batch.size();
  }

  @Override
  public PreparedEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the replay has no more events");
    }
    return batch.get(position++);
  }

  /** The stream, for its counters (late events, peak pending): final once this iterator is exhausted. */
  EventStream stream() {
    return stream;
  }

  @Override
  public void close() {
    worker.interrupt();
    try {
      worker.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
