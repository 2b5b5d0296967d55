package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.bronze.TableRowEncoder.EncodedRow;
import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.BronzeColumns;
import io.olistlakehouse.contracts.decode.DeadLetterReason;
import io.olistlakehouse.contracts.decode.DecodeResult;
import io.olistlakehouse.contracts.decode.KafkaCoordinates;
import io.olistlakehouse.testing.TestCatalogs;
import io.olistlakehouse.testing.TestEvents;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.avro.IcebergDecoder;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Table rows encoded where records are decoded, then written by a writing task: Iceberg reads them back value for
 * value, from one data file per partition, in either file format.
 */
class EncodedTableRowsTest {

  private static final org.apache.avro.Schema PAYMENT_CONTRACT = BronzeContracts.schema(BronzeStream.PAYMENT);

  private static final Instant DAY_ONE = Instant.parse("2017-03-01T23:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private InMemoryCatalog catalog;
  private Table payments;

  @BeforeEach
  void createTables() {
    catalog = TestCatalogs.withNamespace("bronze");
    var schema = BronzeTableSchemas.streamTable(BronzeStream.PAYMENT);
    payments = catalog.createTable(TableIdentifier.of("bronze", "payment"), schema,
        BronzePartitioning.Granularity.DAY.spec(schema));
  }

  @ParameterizedTest
  @ValueSource(strings = {"avro", "parquet"})
  void rowsLandInOneFilePerDayAndReadBackAsTheyWere(String format) throws IOException {
    payments.updateProperties().set(TableProperties.DEFAULT_FILE_FORMAT, format).commit();
    StreamRowEncoder encoder = new StreamRowEncoder(BronzeStream.PAYMENT, PAYMENT_CONTRACT, payments);
    IcebergDecoder<Record> decoder = new IcebergDecoder<>(payments.schema());
    TableFileWriter writer = new TableFileWriter("payment", payments, false, 0, 7L, "op-1");
    List<Record> sent = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (long n = 0; n < 6; n++) { // hour by hour from 23:00: one row on the first day, five on the next
      GenericRecord event = TestEvents.record(BronzeStream.PAYMENT, n, DAY_ONE.plus(HOUR.multipliedBy(n)));
      EncodedRow row = encoder.encode(event, at(n));
      sent.add(decoder.decode(row.row()));
      paths.add(row.partitionPath());
      writer.write(row.partitionPath(), row.row());
    }
    WrittenFiles written = writer.finish();

    assertEquals(List.of("event_time_day=2017-03-01", "event_time_day=2017-03-02", "event_time_day=2017-03-02",
        "event_time_day=2017-03-02", "event_time_day=2017-03-02", "event_time_day=2017-03-02"), paths);
    assertEquals(6, written.rows());
    assertEquals(List.of("event_time_day=2017-03-01", "event_time_day=2017-03-02"),
        written.files().stream().map(f -> payments.spec().partitionToPath(f.partition())).toList());
    assertEquals(List.of(1L, 5L), written.files().stream().map(DataFile::recordCount).toList());
    assertTrue(written.files().stream().allMatch(f -> f.format() == FileFormat.fromString(format)));
    commit(payments, written.files());
    assertEquals(sent, readBack(payments));
  }

  @Test
  void rowsOfInterleavedDaysStillLandInOneFilePerDay() throws IOException {
    StreamRowEncoder encoder = new StreamRowEncoder(BronzeStream.PAYMENT, PAYMENT_CONTRACT, payments);
    TableFileWriter writer = new TableFileWriter("payment", payments, false, 0, 7L, "op-1");
    for (long n = 0; n < 6; n++) { // as two Kafka partitions of one topic read one after the other: days alternate
      Instant when = DAY_ONE.plus(Duration.ofDays(n % 2));
      EncodedRow row = encoder.encode(TestEvents.record(BronzeStream.PAYMENT, n, when), at(n));
      writer.write(row.partitionPath(), row.row());
    }
    WrittenFiles written = writer.finish();

    assertEquals(List.of("event_time_day=2017-03-01:3", "event_time_day=2017-03-02:3"), written.files().stream()
        .map(f -> payments.spec().partitionToPath(f.partition()) + ":" + f.recordCount()).sorted().toList());
    commit(payments, written.files());
    assertEquals(6, readBack(payments).size());
  }

  @Test
  void deadLettersLandInTheUnpartitionedTable() throws IOException {
    var schema = BronzeTableSchemas.deadLetterTable();
    Table letters = catalog.createTable(TableIdentifier.of("bronze", BronzeTables.DEAD_LETTER), schema,
        BronzePartitioning.Granularity.NONE.spec(schema));
    DecodeResult<byte[]> refused = DecodeResult.deadLetter(BronzeStream.PAYMENT, null,
        DeadLetterReason.NOT_WIRE_FORMAT, new IllegalArgumentException("no magic byte"));
    Record letter = DeadLetterRecords.deadLetter(schema, at(3), new byte[] {1}, new byte[] {7, 7}, refused);
    EncodedRow row = new TableRowEncoder(BronzeTables.DEAD_LETTER, letters).encode(letter);
    TableFileWriter writer = new TableFileWriter(BronzeTables.DEAD_LETTER, letters, false, 0, 7L, "op-1");
    writer.write(row.partitionPath(), row.row());
    commit(letters, writer.finish().files());

    Record landed = readBack(letters).get(0);
    assertEquals("NOT_WIRE_FORMAT", landed.getField(BronzeColumns.REASON));
    assertEquals(ByteBuffer.wrap(new byte[] {7, 7}), landed.getField(BronzeColumns.KAFKA_VALUE));
    assertEquals(1_003L, landed.getField(BronzeColumns.KAFKA_OFFSET));
  }

  @Test
  void aRowSentToAnotherPartitionFailsTheTask() {
    EncodedRow row = new StreamRowEncoder(BronzeStream.PAYMENT, PAYMENT_CONTRACT, payments)
        .encode(TestEvents.record(BronzeStream.PAYMENT, 1, DAY_ONE), at(1));
    TableFileWriter writer = new TableFileWriter("payment", payments, false, 0, 7L, "op-1");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> writer.write("event_time_day=2017-03-05", row.row()));
    assertTrue(e.getMessage().contains("belongs in 'event_time_day=2017-03-01'"), e.getMessage());
  }

  @Test
  void aTableThatHoldsTheBatchAlreadyCountsItsRowsAndWritesNothing() throws IOException {
    EncodedRow row = new StreamRowEncoder(BronzeStream.PAYMENT, PAYMENT_CONTRACT, payments)
        .encode(TestEvents.record(BronzeStream.PAYMENT, 1), at(1));
    TableFileWriter writer = new TableFileWriter("payment", payments, true, 0, 7L, "op-1");
    writer.write(row.partitionPath(), row.row());
    writer.write(row.partitionPath(), row.row());
    WrittenFiles written = writer.finish();
    assertEquals(2, written.rows());
    assertEquals(List.of(), written.files());
  }

  private static KafkaCoordinates at(long n) {
    return new KafkaCoordinates("t.payment", 2, 1_000 + n, DAY_ONE.toEpochMilli());
  }

  private static void commit(Table table, List<DataFile> files) {
    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    append.commit();
  }

  private static List<Record> readBack(Table table) throws IOException {
    List<Record> out = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
      rows.forEach(r -> out.add(r.copy()));
    }
    out.sort(Comparator.comparing(r -> (Long) r.getField(BronzeColumns.KAFKA_OFFSET)));
    return out;
  }
}
