package io.olistlakehouse.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A payload that cannot be decoded from the Confluent wire format. Retrying will not help: these are poison records,
 * and the message says exactly why (the dead-letter output records class and message).
 */
public class WireFormatException extends SerializationException {

  /** What is wrong with the payload, for dead-letter outputs that sort poison records by cause. */
  public enum Reason {
    /** Not framed as magic byte + schema id (too short, or another magic byte). */
    NOT_WIRE_FORMAT,
    /** The registry has no schema with the payload's id. */
    UNKNOWN_SCHEMA_ID,
    /** The body does not decode with its writer schema. */
    CORRUPT_BODY,
    /** The writer schema cannot be resolved into the reader schema. */
    INCOMPATIBLE_SCHEMA,
    /** Any other defect found by a caller. */
    OTHER
  }

  private final Reason reason;

  public WireFormatException(String message) {
    this(Reason.OTHER, message, null);
  }

  public WireFormatException(String message, Throwable cause) {
    this(Reason.OTHER, message, cause);
  }

  public WireFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static WireFormatException badMagicByte(byte found) {
    return new WireFormatException(Reason.NOT_WIRE_FORMAT, String.format("bad magic byte 0x%02x (expected 0x%02x): "
        + "not in the Confluent wire format", found, ConfluentWireFormat.MAGIC_BYTE), null);
  }

  static WireFormatException tooShort(int length) {
    return new WireFormatException(Reason.NOT_WIRE_FORMAT, "payload shorter than " + ConfluentWireFormat.HEADER_SIZE
        + " bytes (" + length + " bytes): not in the Confluent wire format", null);
  }

  static WireFormatException unknownSchemaId(int id, String registryMessage) {
    return new WireFormatException(Reason.UNKNOWN_SCHEMA_ID, "unknown schema id " + id + ": " + registryMessage, null);
  }

  static WireFormatException corruptBody(int id, Throwable cause) {
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return new WireFormatException(Reason.CORRUPT_BODY, "corrupt Avro body for schema id " + id + ": " + detail,
        cause);
  }

  static WireFormatException trailingBytes(int id, int count) {
    return new WireFormatException(Reason.CORRUPT_BODY, "corrupt Avro body for schema id " + id + ": " + count
        + " bytes left after the record (written with another schema?)", null);
  }

  static WireFormatException unreadable(int id, String readerName, String details) {
    return new WireFormatException(Reason.INCOMPATIBLE_SCHEMA,
        "schema id " + id + " cannot be read as reader schema " + readerName + ": " + details, null);
  }
}
