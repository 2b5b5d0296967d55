package io.olistlakehouse.contracts.decode;

import io.olistlakehouse.contracts.BronzeStream;

/**
 * What became of one Kafka record: either its data resolved into the stream's contract and encoded for where it goes
 * next ({@code T}: the contract's Avro binary for the speed layer, a bronze table row for the ingest), or a dead
 * letter with its reason, the exception class and message.
 */
public record DecodeResult<T>(BronzeStream stream, Integer schemaId, T encoded, DeadLetterReason reason,
    String errorClass, String errorMessage) {

  public static <T> DecodeResult<T> landed(BronzeStream stream, int schemaId, T encoded) {
    return new DecodeResult<>(stream, schemaId, encoded, null, null, null);
  }

  public static <T> DecodeResult<T> deadLetter(BronzeStream stream, Integer schemaId, DeadLetterReason reason,
      Throwable error) {
    String message = error.getMessage() != null ? error.getMessage() : error.toString();
    return new DecodeResult<>(stream, schemaId, null, reason, error.getClass().getName(), message);
  }

  public boolean isDeadLetter() {
    return reason != null;
  }
}
