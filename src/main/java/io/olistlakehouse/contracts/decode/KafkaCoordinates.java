package io.olistlakehouse.contracts.decode;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/** Where a Kafka record was read, which every bronze row carries: topic, partition, offset and record timestamp. */
public record KafkaCoordinates(String topic, int partition, long offset, long timestampMillis) {

  /** The Kafka source's columns both decoding steps read, in this order: key, value, then the coordinates. */
  public static final String[] SOURCE_COLUMNS =
      {"key", "value", "topic", "partition", "offset", "unix_millis(timestamp)"};

  public static byte[] key(Row kafka) {
    return (byte[]) kafka.get(0);
  }

  public static byte[] value(Row kafka) {
    return (byte[]) kafka.get(1);
  }

  /** The coordinates of a row of {@link #SOURCE_COLUMNS}. */
  public static KafkaCoordinates of(Row kafka) {
    return new KafkaCoordinates(kafka.getString(2), kafka.getInt(3), kafka.getLong(4), kafka.getLong(5));
  }

  public static byte[] key(InternalRow kafka) {
    return kafka.isNullAt(0) ? null : kafka.getBinary(0);
  }

  public static byte[] value(InternalRow kafka) {
    return kafka.isNullAt(1) ? null : kafka.getBinary(1);
  }

  /** Reads the coordinates of Spark's internal rows of {@link #SOURCE_COLUMNS}; not thread-safe. */
  public static final class Reader {

    private UTF8String lastTopic;
    private String lastTopicString;

    public KafkaCoordinates of(InternalRow kafka) {
      UTF8String topic = kafka.getUTF8String(2);
      // A task reads one topic: decode its name once, not once per record.
      if (!topic.equals(lastTopic)) {
        lastTopic = topic.clone();
        lastTopicString = lastTopic.toString();
      }
      return new KafkaCoordinates(lastTopicString, kafka.getInt(3), kafka.getLong(4), kafka.getLong(5));
    }
  }
}
