package io.olistlakehouse.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A payload that cannot be decoded from the Confluent wire format. Retrying will not help: these are poison records,
 * and the message says exactly why (the dead-letter output records class and message).
 */
public class WireFormatException extends SerializationException {

  public WireFormatException(String message) {
    super(message);
  }

  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  static WireFormatException badMagicByte(byte found) {
    return new WireFormatException(String.format("bad magic byte 0x%02x (expected 0x%02x): not in the Confluent "
        + "wire format", found, ConfluentWireFormat.MAGIC_BYTE));
  }

  static WireFormatException tooShort(int length) {
    return new WireFormatException("payload shorter than " + ConfluentWireFormat.HEADER_SIZE + " bytes (" + length
        + " bytes): not in the Confluent wire format");
  }

  static WireFormatException unknownSchemaId(int id, String registryMessage) {
    return new WireFormatException("unknown schema id " + id + ": " + registryMessage);
  }

  static WireFormatException corruptBody(int id, Throwable cause) {
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return new WireFormatException("corrupt Avro body for schema id " + id + ": " + detail, cause);
  }

  static WireFormatException trailingBytes(int id, int count) {
    return new WireFormatException("corrupt Avro body for schema id " + id + ": " + count
        + " bytes left after the record (written with another schema?)");
  }

  static WireFormatException unreadable(int id, String readerName, String details) {
    return new WireFormatException(
        "schema id " + id + " cannot be read as reader schema " + readerName + ": " + details);
  }
}
