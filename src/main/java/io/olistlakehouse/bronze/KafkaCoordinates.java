package io.olistlakehouse.bronze;

import org.apache.spark.sql.Row;

/** Where a Kafka record was read, which every bronze row carries: topic, partition, offset and record timestamp. */
record KafkaCoordinates(String topic, int partition, long offset, long timestampMillis) {

  /** The Kafka source's columns both decoding steps read, in this order: key, value, then the coordinates. */
  static final String[] SOURCE_COLUMNS =
      {"key", "value", "topic", "partition", "offset", "unix_millis(timestamp)"};

  static byte[] key(Row kafka) {
    return (byte[]) kafka.get(0);
  }

  static byte[] value(Row kafka) {
    return (byte[]) kafka.get(1);
  }

  /** The coordinates of a row of {@link #SOURCE_COLUMNS}. */
  static KafkaCoordinates of(Row kafka) {
    return new KafkaCoordinates(kafka.getString(2), kafka.getInt(3), kafka.getLong(4), kafka.getLong(5));
  }
}
