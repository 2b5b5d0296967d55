package io.olistlakehouse.platform.registry;

import java.util.function.Consumer;

/** The durable, ordered log of registry state changes that the in-memory {@link SchemaStore} is rebuilt from. */
public interface SchemaLog extends AutoCloseable {

  /** Makes {@code record} durable; returns only once it is (a failure throws and nothing may be applied). */
  void append(SchemaRecord record);

  /** Feeds every record written so far, oldest first, to {@code consumer}. */
  void replay(Consumer<SchemaRecord> consumer);

  @Override
  void close();
}
