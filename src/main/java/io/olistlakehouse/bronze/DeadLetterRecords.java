package io.olistlakehouse.bronze;

import io.olistlakehouse.contracts.decode.BronzeColumns;
import io.olistlakehouse.contracts.decode.DecodeResult;
import io.olistlakehouse.contracts.decode.KafkaCoordinates;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/**
 * The dead-letter table's record of a Kafka record that could not be decoded: where it was, its raw bytes and why.
 * Dead letters are few, so they go through Iceberg's generic records ({@link TableRowEncoder}); stream rows are
 * encoded straight from their contract ({@link StreamRowEncoder}).
 */
final class DeadLetterRecords {

  private DeadLetterRecords() {}

  static Record deadLetter(Schema table, KafkaCoordinates kafka, byte[] key, byte[] value, DecodeResult<?> refused) {
    GenericRecord letter = GenericRecord.create(table);
    letter.setField(BronzeColumns.KAFKA_TOPIC, kafka.topic());
    letter.setField(BronzeColumns.KAFKA_PARTITION, kafka.partition());
    letter.setField(BronzeColumns.KAFKA_OFFSET, kafka.offset());
    letter.setField(BronzeColumns.KAFKA_TIMESTAMP, timestamp(table, kafka.timestampMillis()));
    letter.setField(BronzeColumns.STREAM, refused.stream() == null ? null : refused.stream().streamName());
    letter.setField(BronzeColumns.KAFKA_KEY, key == null ? null : ByteBuffer.wrap(key));
    letter.setField(BronzeColumns.KAFKA_VALUE, value == null ? null : ByteBuffer.wrap(value));
    letter.setField(BronzeColumns.SCHEMA_ID, refused.schemaId());
    letter.setField(BronzeColumns.REASON, refused.reason().name());
    letter.setField(BronzeColumns.ERROR_CLASS, refused.errorClass());
    letter.setField(BronzeColumns.ERROR_MESSAGE, refused.errorMessage());
    return letter;
  }

  /** Epoch milliseconds as the Kafka timestamp column wants them: with or without its zone. */
  private static Object timestamp(Schema table, long millis) {
    OffsetDateTime time = OffsetDateTime.of(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1_000L),
        (int) Math.floorMod(millis, 1_000L) * 1_000_000, ZoneOffset.UTC), ZoneOffset.UTC);
    boolean zoned = ((Types.TimestampType) table.findType(BronzeColumns.KAFKA_TIMESTAMP)).shouldAdjustToUTC();
    return zoned ? time : time.toLocalDateTime();
  }
}
