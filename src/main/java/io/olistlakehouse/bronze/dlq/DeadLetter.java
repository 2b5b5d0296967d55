package io.olistlakehouse.bronze.dlq;

import io.olistlakehouse.contracts.decode.BronzeColumns;
import java.nio.ByteBuffer;
import org.apache.iceberg.data.Record;

/** One row of {@code bronze.dead_letter}: where the record was, its original bytes and why it was refused. */
public record DeadLetter(String stream, String topic, int partition, long offset, byte[] key, byte[] value,
    String reason, String errorMessage) {

  /** The letter's identity, and the key of its replay mark: where Kafka had it. */
  public String id() {
    return id(topic, partition, offset);
  }

  public static String id(String topic, int partition, long offset) {
    return topic + "/" + partition + "/" + offset;
  }

  static DeadLetter fromRecord(Record r) {
    return new DeadLetter((String) r.getField(BronzeColumns.STREAM), (String) r.getField(BronzeColumns.KAFKA_TOPIC),
        (Integer) r.getField(BronzeColumns.KAFKA_PARTITION), (Long) r.getField(BronzeColumns.KAFKA_OFFSET),
        bytes(r.getField(BronzeColumns.KAFKA_KEY)), bytes(r.getField(BronzeColumns.KAFKA_VALUE)),
        (String) r.getField(BronzeColumns.REASON), (String) r.getField(BronzeColumns.ERROR_MESSAGE));
  }

  private static byte[] bytes(Object field) {
    if (field == null) {
      return null;
    }
    ByteBuffer buffer = ((ByteBuffer) field).duplicate();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
