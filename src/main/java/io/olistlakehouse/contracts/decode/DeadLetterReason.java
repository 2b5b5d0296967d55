package io.olistlakehouse.contracts.decode;

import io.olistlakehouse.serde.WireFormatException;

/** Why a Kafka record went to the dead-letter table instead of its bronze table. */
public enum DeadLetterReason {
  /** No key: order-scoped events are keyed by order id, master data by its id; a keyless record lost its order. */
  MISSING_KEY,
  /** A null value (tombstone): bronze streams are append-only events, a deletion marker has no meaning here. */
  MISSING_VALUE,
  /** Not framed as Confluent wire format (bad magic byte, too short). */
  NOT_WIRE_FORMAT,
  /** The schema id in the payload is not in the registry. */
  UNKNOWN_SCHEMA_ID,
  /** The body does not decode with its writer schema (truncated, trailing bytes, bad union index, ...). */
  CORRUPT_BODY,
  /** The writer schema cannot be resolved into the stream's contract. */
  INCOMPATIBLE_SCHEMA,
  /** Decoded, but a value does not fit the contract (a decimal too wide, another logical type). */
  OUT_OF_CONTRACT,
  /** The topic is not one of the nine bronze topics. */
  UNKNOWN_TOPIC;

  static DeadLetterReason of(WireFormatException e) {
    return switch (e.reason()) {
      case NOT_WIRE_FORMAT -> NOT_WIRE_FORMAT;
      case UNKNOWN_SCHEMA_ID -> UNKNOWN_SCHEMA_ID;
      case CORRUPT_BODY -> CORRUPT_BODY;
      case INCOMPATIBLE_SCHEMA -> INCOMPATIBLE_SCHEMA;
      case OTHER -> OUT_OF_CONTRACT;
    };
  }
}
