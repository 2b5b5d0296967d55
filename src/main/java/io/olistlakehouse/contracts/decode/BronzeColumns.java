package io.olistlakehouse.contracts.decode;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Column names and row layouts of bronze: the Kafka coordinates every bronze table carries after its contract's
 * columns, the dead-letter row, and the decoded row that is either of them.
 */
public final class BronzeColumns {

  public static final String STREAM = "stream";
  public static final String KAFKA_TOPIC = "kafka_topic";
  public static final String KAFKA_PARTITION = "kafka_partition";
  public static final String KAFKA_OFFSET = "kafka_offset";
  public static final String KAFKA_TIMESTAMP = "kafka_timestamp";
  public static final String KAFKA_KEY = "kafka_key";
  public static final String KAFKA_VALUE = "kafka_value";
  public static final String SCHEMA_ID = "schema_id";
  public static final String REASON = "reason";
  public static final String ERROR_CLASS = "error_class";
  public static final String ERROR_MESSAGE = "error_message";
  /** The contract's Avro binary of a decoded record (decoded rows only). */
  public static final String CONTRACT_AVRO = "contract_avro";
  /** The event-time column every contract has; bronze tables are partitioned by its day. */
  public static final String EVENT_TIME = "event_time";

  /** Appended to every stream table after the contract's columns. */
  public static final StructType KAFKA_COORDINATES = new StructType(new StructField[] {
      DataTypes.createStructField(KAFKA_TOPIC, DataTypes.StringType, true),
      DataTypes.createStructField(KAFKA_PARTITION, DataTypes.IntegerType, true),
      DataTypes.createStructField(KAFKA_OFFSET, DataTypes.LongType, true),
      DataTypes.createStructField(KAFKA_TIMESTAMP, DataTypes.TimestampType, true)});

  /** A record that could not be decoded: where it was, its raw bytes and why. */
  public static final StructType DEAD_LETTER = new StructType()
      .add(STREAM, DataTypes.StringType, true)
      .add(KAFKA_COORDINATES.fields()[0])
      .add(KAFKA_COORDINATES.fields()[1])
      .add(KAFKA_COORDINATES.fields()[2])
      .add(KAFKA_COORDINATES.fields()[3])
      .add(KAFKA_KEY, DataTypes.BinaryType, true)
      .add(KAFKA_VALUE, DataTypes.BinaryType, true)
      .add(SCHEMA_ID, DataTypes.IntegerType, true)
      .add(REASON, DataTypes.StringType, true)
      .add(ERROR_CLASS, DataTypes.StringType, true)
      .add(ERROR_MESSAGE, DataTypes.StringType, true);

  /** One row per record read: a dead letter (reason set) or the contract's Avro binary (raw bytes not kept). */
  public static final StructType DECODED = DEAD_LETTER.add(CONTRACT_AVRO, DataTypes.BinaryType, true);

  private BronzeColumns() {}
}
