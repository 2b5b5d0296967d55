package io.olistlakehouse.platform.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test-only schema log kept in memory. Records are stored in their JSON form, so replay goes through the same codec
 * as the Kafka log; it survives {@link #close()} so a test can restart a server on it.
 */
public final class InMemorySchemaLog implements SchemaLog {

  private final List<byte[]> records = new ArrayList<>();
  private RuntimeException nextFailure;

  @Override
  public synchronized void append(SchemaRecord record) {
    if (nextFailure != null) {
      RuntimeException failure = nextFailure;
      nextFailure = null;
      throw failure;
    }
    records.add(SchemaRecordCodec.encode(record));
  }

  @Override
  public synchronized void replay(Consumer<SchemaRecord> consumer) {
    List.copyOf(records).forEach(bytes -> consumer.accept(SchemaRecordCodec.decode(bytes)));
  }

  /** Makes the next append fail with {@code failure}, as a broker outage would. */
  public synchronized void failNextAppend(RuntimeException failure) {
    nextFailure = failure;
  }

  public synchronized List<SchemaRecord> records() {
    List<SchemaRecord> out = new ArrayList<>();
    records.forEach(bytes -> out.add(SchemaRecordCodec.decode(bytes)));
    return out;
  }

  public synchronized int size() {
    return records.size();
  }

  @Override
  public void close() {
    // nothing to release; records stay for a restart
  }
}
