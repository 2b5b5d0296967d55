package io.olistlakehouse.replay;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * Asynchronous sends inside Kafka transactions. A transaction opens with its first record; the first failed send
 * is kept and stops the replay at the next send or commit with its reason (later errors are consequences).
 */
final class TransactionalSender {

  private final Producer<byte[], byte[]> producer;
  private final AtomicReference<ReplayException> failure = new AtomicReference<>();
  private boolean open;
  private long openedAtNanos;
  private long eventsInTransaction;

  TransactionalSender(Producer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  void send(ProducerRecord<byte[], byte[]> record) {
    throwIfFailed();
    if (!open) {
      begin();
    }
    try {
      producer.send(record, callback(record.topic()));
    } catch (KafkaException e) {
      throwIfFailed();
      throw failed("sending to " + record.topic(), e);
    }
    eventsInTransaction++;
  }

  /** Adds the position record and commits; the events and the position become visible together. */
  void commit(ProducerRecord<byte[], byte[]> position) {
    if (!open) {
      begin();
    }
    try {
      producer.send(position, callback(position.topic()));
      producer.commitTransaction();
    } catch (KafkaException e) {
      throwIfFailed();
      throw failed("committing a transaction", e);
    }
    open = false;
    throwIfFailed();
  }

  /**
   * After a failure: aborts the open transaction if the producer still can, so read_committed readers of these
   * partitions are not held up until the transaction times out. A fenced or broken producer cannot; the next run's
   * initTransactions aborts it then.
   */
  void abortQuietly() {
    if (open) {
      open = false;
      try {
        producer.abortTransaction();
      } catch (KafkaException | IllegalStateException e) {
        // nothing more to do here: the transaction ends with its timeout or the next run
      }
    }
  }

  boolean inTransaction() {
    return open;
  }

  long openedAtNanos() {
    return openedAtNanos;
  }

  long eventsInTransaction() {
    return eventsInTransaction;
  }

  private void begin() {
    try {
      producer.beginTransaction();
    } catch (KafkaException e) {
      throw failed("beginning a transaction", e);
    }
    open = true;
    openedAtNanos = System.nanoTime();
    eventsInTransaction = 0;
  }

  private Callback callback(String topic) {
    return (metadata, error) -> {
      if (error != null) {
        failure.compareAndSet(null, new ReplayException("sending to topic " + topic + " failed: " + describe(error)
            + "; nothing after the last committed transaction is visible; run the same replay again to resume",
            error));
      }
    };
  }

  private void throwIfFailed() {
    ReplayException e = failure.get();
    if (e != null) {
      throw e;
    }
  }

  private static ReplayException failed(String what, KafkaException e) {
    if (e instanceof ProducerFencedException) {
      return new ReplayException(what + " failed: another replay of the same source into the same topics has "
          + "started and fenced this one (" + e.getMessage() + ")", e);
    }
    return new ReplayException(what + " failed: " + describe(e) + "; nothing after the last committed transaction "
        + "is visible; run the same replay again to resume", e);
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
