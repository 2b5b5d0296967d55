package io.olistlakehouse.bronze;

import io.olistlakehouse.contracts.BronzeStream;

/**
 * What became of one Kafka record: either the plain Avro binary of its stream's contract (the writer's data resolved
 * into the contract) with the day of its event time, or a dead letter with its reason, the exception class and
 * message.
 */
public record DecodeResult(BronzeStream stream, Integer schemaId, byte[] contractAvro, Integer eventDay,
    DeadLetterReason reason, String errorClass, String errorMessage) {

  public static DecodeResult landed(BronzeStream stream, int schemaId, byte[] contractAvro, int eventDay) {
    return new DecodeResult(stream, schemaId, contractAvro, eventDay, null, null, null);
  }

  public static DecodeResult deadLetter(BronzeStream stream, Integer schemaId, DeadLetterReason reason,
      Throwable error) {
    String message = error.getMessage() != null ? error.getMessage() : error.toString();
    return new DecodeResult(stream, schemaId, null, null, reason, error.getClass().getName(), message);
  }

  public boolean isDeadLetter() {
    return reason != null;
  }
}
