package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;

/**
 * One change event before it becomes an Avro record: which stream, its Kafka key, when it happened (epoch millis,
 * UTC) and the source row it carries. {@code sequence} numbers events in derivation order; it breaks ties between
 * equal event times and seeds the ingest jitter, so the whole replay is reproducible.
 */
public record ReplayEvent(BronzeStream stream, String key, long eventTime, long sequence, Object payload) {}
