package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** Resolved records and dead letters become the Iceberg records of their tables, value for value. */
class TableRecordsTest {

  /** With milliseconds, so that their conversion is checked too. */
  private static final Instant EVENT_TIME = Instant.parse("2017-03-01T08:30:15.678Z");
  private static final long KAFKA_TIME = Instant.parse("2017-03-02T10:15:30.123Z").toEpochMilli();

  @Test
  void everyContractFieldAndKafkaCoordinateLandsInItsColumn() {
    for (BronzeStream stream : BronzeStream.values()) {
      TableRecords records = TableRecords.forStream(stream, BronzeTableSchemas.streamTable(stream));
      for (long n : new long[] {3, 4}) { // odd: optional fields set; even: optional fields null
        GenericRecord sent = TestEvents.record(stream, n, EVENT_TIME.plusMillis(n));
        Record landed = records.toRecord(sent, at(stream, n));
        for (org.apache.avro.Schema.Field field : BronzeContracts.schema(stream).getFields()) {
          assertEquals(expected(field, sent.get(field.name())), landed.getField(field.name()),
              stream + "." + field.name() + " of record " + n);
        }
        assertEquals("t." + stream.streamName(), landed.getField(BronzeColumns.KAFKA_TOPIC));
        assertEquals(2, landed.getField(BronzeColumns.KAFKA_PARTITION));
        assertEquals(1_000 + n, landed.getField(BronzeColumns.KAFKA_OFFSET));
        assertEquals(OffsetDateTime.parse("2017-03-02T10:15:30.123Z"), landed.getField(BronzeColumns.KAFKA_TIMESTAMP));
      }
    }
  }

  @Test
  void aColumnTheContractNoLongerHasStaysNull() {
    Schema current = BronzeTableSchemas.streamTable(BronzeStream.PAYMENT);
    Schema kept = new Schema(Types.NestedField.optional(9_999, "legacy_channel", Types.StringType.get()));
    List<Types.NestedField> columns = new ArrayList<>(current.columns());
    columns.addAll(kept.columns());
    Schema table = new Schema(columns);
    Record landed = TableRecords.forStream(BronzeStream.PAYMENT, table)
        .toRecord(TestEvents.record(BronzeStream.PAYMENT, 5), at(BronzeStream.PAYMENT, 5));
    assertNull(landed.getField("legacy_channel"));
    assertEquals(TestEvents.money(5), landed.getField("payment_value"));
  }

  @Test
  void aDeadLetterKeepsItsRawBytesAndReason() {
    byte[] key = "k".getBytes(StandardCharsets.UTF_8);
    byte[] value = {0, 0, 0, 0, 9, 1};
    DecodeResult<byte[]> refused = DecodeResult.deadLetter(BronzeStream.PAYMENT, 9,
        DeadLetterReason.UNKNOWN_SCHEMA_ID, new IllegalArgumentException("schema id 9 is not registered"));
    KafkaCoordinates at = new KafkaCoordinates("t.payment", 1, 42L, KAFKA_TIME);
    Record landed = TableRecords.deadLetter(BronzeTableSchemas.deadLetterTable(), at, key, value, refused);
    assertEquals("payment", landed.getField(BronzeColumns.STREAM));
    assertEquals(42L, landed.getField(BronzeColumns.KAFKA_OFFSET));
    assertEquals(ByteBuffer.wrap(key), landed.getField(BronzeColumns.KAFKA_KEY));
    assertEquals(ByteBuffer.wrap(value), landed.getField(BronzeColumns.KAFKA_VALUE));
    assertEquals(9, landed.getField(BronzeColumns.SCHEMA_ID));
    assertEquals("UNKNOWN_SCHEMA_ID", landed.getField(BronzeColumns.REASON));
    assertEquals("schema id 9 is not registered", landed.getField(BronzeColumns.ERROR_MESSAGE));
    assertEquals(IllegalArgumentException.class.getName(), landed.getField(BronzeColumns.ERROR_CLASS));
    assertEquals(OffsetDateTime.parse("2017-03-02T10:15:30.123Z"), landed.getField(BronzeColumns.KAFKA_TIMESTAMP));
  }

  private static KafkaCoordinates at(BronzeStream stream, long n) {
    return new KafkaCoordinates("t." + stream.streamName(), 2, 1_000 + n, KAFKA_TIME);
  }

  /** What a contract value must become, worked out independently of the code under test. */
  private static Object expected(org.apache.avro.Schema.Field field, Object sent) {
    if (sent == null) {
      return null;
    }
    org.apache.avro.Schema type = field.schema().isUnion() ? field.schema().getTypes().get(1) : field.schema();
    if (type.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
      return Instant.ofEpochMilli((Long) sent).atOffset(ZoneOffset.UTC);
    }
    return sent instanceof BigDecimal || sent instanceof Number ? sent : sent.toString();
  }
}
