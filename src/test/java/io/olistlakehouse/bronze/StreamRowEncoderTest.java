package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.bronze.TableRowEncoder.EncodedRow;
import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.BronzeColumns;
import io.olistlakehouse.contracts.decode.DeadLetterReason;
import io.olistlakehouse.contracts.decode.DecodeResult;
import io.olistlakehouse.contracts.decode.KafkaCoordinates;
import io.olistlakehouse.contracts.decode.ReaderSchemas;
import io.olistlakehouse.contracts.decode.RejectedRecordException;
import io.olistlakehouse.testing.TestCatalogs;
import io.olistlakehouse.testing.TestEvents;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.avro.IcebergDecoder;
import org.apache.iceberg.data.avro.IcebergEncoder;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/**
 * Resolved contract records and dead letters become rows of their tables, value for value, as Iceberg's own decoder
 * reads them back; a stream row is byte for byte what Iceberg's own encoder makes of the same record.
 */
class StreamRowEncoderTest {

  private static final org.apache.avro.Schema PAYMENT_CONTRACT = BronzeContracts.schema(BronzeStream.PAYMENT);

  /** With milliseconds, so that their conversion is checked too. */
  private static final Instant EVENT_TIME = Instant.parse("2017-03-01T08:30:15.678Z");
  private static final long KAFKA_TIME = Instant.parse("2017-03-02T10:15:30.123Z").toEpochMilli();

  private final InMemoryCatalog catalog = TestCatalogs.withNamespace("bronze");

  @Test
  void everyContractFieldAndKafkaCoordinateLandsInItsColumn() throws IOException {
    for (BronzeStream stream : BronzeStream.values()) {
      Table table = streamTable(stream, BronzeTableSchemas.streamTable(stream));
      StreamRowEncoder encoder = new StreamRowEncoder(stream, BronzeContracts.schema(stream), table);
      for (long n : new long[] {3, 4}) { // odd: optional fields set; even: optional fields null
        GenericRecord sent = TestEvents.record(stream, n, EVENT_TIME.plusMillis(n));
        EncodedRow row = encoder.encode(sent, at(stream, n));
        Record landed = new IcebergDecoder<Record>(table.schema()).decode(row.row());
        for (org.apache.avro.Schema.Field field : BronzeContracts.schema(stream).getFields()) {
          assertEquals(expected(field, sent.get(field.name())), landed.getField(field.name()),
              stream + "." + field.name() + " of record " + n);
        }
        assertEquals("t." + stream.streamName(), landed.getField(BronzeColumns.KAFKA_TOPIC));
        assertEquals(2, landed.getField(BronzeColumns.KAFKA_PARTITION));
        assertEquals(1_000 + n, landed.getField(BronzeColumns.KAFKA_OFFSET));
        assertEquals(OffsetDateTime.parse("2017-03-02T10:15:30.123Z"), landed.getField(BronzeColumns.KAFKA_TIMESTAMP));
        assertEquals(stream.streamName(), row.table());
        assertEquals("event_time_day=2017-03-01", row.partitionPath());
        ByteBuffer icebergs = new IcebergEncoder<Record>(table.schema()).encode(landed);
        assertArrayEquals(bytes(icebergs), row.row(), stream + " record " + n + " encoded unlike Iceberg's encoder");
      }
    }
  }

  @Test
  void theRowsPartitionFollowsItsEventDay() {
    Table table = streamTable(BronzeStream.PAYMENT, BronzeTableSchemas.streamTable(BronzeStream.PAYMENT));
    StreamRowEncoder encoder = new StreamRowEncoder(BronzeStream.PAYMENT, PAYMENT_CONTRACT, table);
    List<String> paths = new ArrayList<>();
    for (String time : List.of("2017-03-01T23:59:59.999Z", "2017-03-02T00:00:00Z", "1969-12-31T23:00:00Z")) {
      paths.add(encoder.encode(TestEvents.record(BronzeStream.PAYMENT, 1, Instant.parse(time)),
          at(BronzeStream.PAYMENT, 1)).partitionPath());
    }
    assertEquals(List.of("event_time_day=2017-03-01", "event_time_day=2017-03-02", "event_time_day=1969-12-31"),
        paths);
  }

  @Test
  void aColumnTheContractNoLongerHasStaysNull() throws IOException {
    Schema current = BronzeTableSchemas.streamTable(BronzeStream.PAYMENT);
    Schema kept = new Schema(Types.NestedField.optional(9_999, "legacy_channel", Types.StringType.get()));
    List<Types.NestedField> columns = new ArrayList<>(current.columns());
    columns.addAll(kept.columns());
    Table table = streamTable(BronzeStream.PAYMENT, new Schema(columns));
    EncodedRow row = new StreamRowEncoder(BronzeStream.PAYMENT, PAYMENT_CONTRACT, table)
        .encode(TestEvents.record(BronzeStream.PAYMENT, 5), at(BronzeStream.PAYMENT, 5));
    Record landed = new IcebergDecoder<Record>(table.schema()).decode(row.row());
    assertNull(landed.getField("legacy_channel"));
    assertEquals(TestEvents.money(5), landed.getField("payment_value"));
  }

  @Test
  void aFieldANewerVersionAddedFillsTheColumnAddedForIt() throws IOException {
    org.apache.avro.Schema latest = new org.apache.avro.Schema.Parser().parse(PAYMENT_CONTRACT.toString()
        .replaceFirst("]}$", ",{\"name\":\"channel\",\"type\":[\"null\",\"string\"],\"default\":null}]}"));
    org.apache.avro.Schema reader = ReaderSchemas.widen(PAYMENT_CONTRACT, latest);
    Table table = streamTable(BronzeStream.PAYMENT, BronzeTableSchemas.streamTable(reader));
    GenericRecord contract = TestEvents.record(BronzeStream.PAYMENT, 5);
    GenericRecord widened = new GenericData.Record(reader);
    PAYMENT_CONTRACT.getFields().forEach(f -> widened.put(f.name(), contract.get(f.name())));
    widened.put("channel", "app");
    EncodedRow row = new StreamRowEncoder(BronzeStream.PAYMENT, reader, table)
        .encode(widened, at(BronzeStream.PAYMENT, 5));
    Record landed = new IcebergDecoder<Record>(table.schema()).decode(row.row());
    assertEquals("app", landed.getField("channel"));
    assertEquals(TestEvents.money(5), landed.getField("payment_value"));
  }

  @Test
  void aDecimalTooWideOrTooFineForItsColumnIsRefusedAsOutOfContract() {
    Table table = streamTable(BronzeStream.PAYMENT, BronzeTableSchemas.streamTable(BronzeStream.PAYMENT));
    StreamRowEncoder encoder = new StreamRowEncoder(BronzeStream.PAYMENT, PAYMENT_CONTRACT, table);
    for (String value : List.of("12345678901.25", "10.125")) { // 13 digits, or 3 decimals, into decimal(12,2)
      GenericRecord event = TestEvents.record(BronzeStream.PAYMENT, 1);
      event.put("payment_value", new BigDecimal(value));
      RejectedRecordException e = assertThrows(RejectedRecordException.class,
          () -> encoder.encode(event, at(BronzeStream.PAYMENT, 1)));
      assertEquals(DeadLetterReason.OUT_OF_CONTRACT, e.reason());
      assertTrue(e.getMessage().contains("does not fit table") && e.getMessage().contains("payment_value"),
          e.getMessage());
    }
  }

  @Test
  void aDeadLetterKeepsItsRawBytesAndReason() {
    byte[] key = "k".getBytes(StandardCharsets.UTF_8);
    byte[] value = {0, 0, 0, 0, 9, 1};
    DecodeResult<byte[]> refused = DecodeResult.deadLetter(BronzeStream.PAYMENT, 9,
        DeadLetterReason.UNKNOWN_SCHEMA_ID, new IllegalArgumentException("schema id 9 is not registered"));
    KafkaCoordinates at = new KafkaCoordinates("t.payment", 1, 42L, KAFKA_TIME);
    Record landed = DeadLetterRecords.deadLetter(BronzeTableSchemas.deadLetterTable(), at, key, value, refused);
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

  private Table streamTable(BronzeStream stream, Schema schema) {
    return catalog.createTable(TableIdentifier.of("bronze", stream.streamName()), schema,
        BronzePartitioning.Granularity.DAY.spec(schema));
  }

  private static KafkaCoordinates at(BronzeStream stream, long n) {
    return new KafkaCoordinates("t." + stream.streamName(), 2, 1_000 + n, KAFKA_TIME);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
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
