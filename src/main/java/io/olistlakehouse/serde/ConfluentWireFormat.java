package io.olistlakehouse.serde;

import java.nio.ByteBuffer;

/** The Confluent framing of a Kafka value or key: magic byte 0, the 4-byte big-endian schema id, then the body. */
public final class ConfluentWireFormat {

  public static final byte MAGIC_BYTE = 0x0;
  public static final int HEADER_SIZE = 5;

  private ConfluentWireFormat() {
  }

  /** The schema id of a framed payload; a payload that is not framed this way throws {@link WireFormatException}. */
  public static int schemaId(byte[] payload) {
    if (payload.length < HEADER_SIZE) {
      throw WireFormatException.tooShort(payload.length);
    }
    if (payload[0] != MAGIC_BYTE) {
      throw WireFormatException.badMagicByte(payload[0]);
    }
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }

  /** Frames an encoded body with its schema id. */
  public static byte[] frame(int schemaId, byte[] body) {
    return ByteBuffer.allocate(HEADER_SIZE + body.length).put(MAGIC_BYTE).putInt(schemaId).put(body).array();
  }
}
