package io.olistlakehouse.bronze;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Row;

/**
 * Turns decoded rows into the Iceberg records of one bronze table. A stream's record is its contract's Avro binary
 * read back, plus the Kafka coordinates; a dead letter is the decoded row's columns of the same names. Columns are
 * matched by name, so a table that kept a column a newer contract dropped gets null there. Not thread-safe, and the
 * returned record is reused: one instance per writing task, each record written before the next is asked for.
 */
final class TableRecords {

  /** Where one table column's value comes from: the decoded row, or the contract record read from it. */
  private interface Source {
    Object value(Row decoded, org.apache.avro.generic.GenericRecord contract);
  }

  private final Source[] sources;
  private final GenericDatumReader<org.apache.avro.generic.GenericRecord> contractReader;
  private final int contractColumn = BronzeColumns.DECODED.fieldIndex(BronzeColumns.CONTRACT_AVRO);
  private final GenericRecord record;
  private BinaryDecoder decoder;
  private org.apache.avro.generic.GenericRecord contract;

  private TableRecords(Schema table, Source[] sources,
      GenericDatumReader<org.apache.avro.generic.GenericRecord> contractReader) {
    this.sources = sources;
    this.contractReader = contractReader;
    this.record = GenericRecord.create(table);
  }

  /** Records of a stream's table: contract columns by name, then the Kafka coordinates. */
  static TableRecords forStream(BronzeStream stream, Schema table) {
    org.apache.avro.Schema contract = BronzeContracts.schema(stream);
    List<String> coordinates = List.of(BronzeColumns.KAFKA_COORDINATES.fieldNames());
    List<Types.NestedField> columns = table.columns();
    Source[] sources = new Source[columns.size()];
    for (int i = 0; i < sources.length; i++) {
      Types.NestedField column = columns.get(i);
      org.apache.avro.Schema.Field field = contract.getField(column.name());
      if (coordinates.contains(column.name())) {
        sources[i] = fromRow(column);
      } else if (field != null) {
        int position = field.pos();
        Function<Object, Object> convert = converter(column, nonNull(field.schema()));
        sources[i] = (row, read) -> {
          Object value = read.get(position);
          return value == null ? null : convert.apply(value);
        };
      }
    }
    return new TableRecords(table, sources, new GenericDatumReader<>(contract));
  }

  /** Records of the dead-letter table: every column from the decoded row's column of the same name. */
  static TableRecords forDeadLetters(Schema table) {
    List<Types.NestedField> columns = table.columns();
    Source[] sources = new Source[columns.size()];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = fromRow(columns.get(i));
    }
    return new TableRecords(table, sources, null);
  }

  Record toRecord(Row decoded) {
    if (contractReader != null) {
      byte[] binary = (byte[]) decoded.get(contractColumn);
      decoder = DecoderFactory.get().binaryDecoder(binary, decoder);
      try {
        contract = contractReader.read(contract, decoder);
      } catch (IOException e) {
        // The binary was written from this contract a stage earlier: failing to read it is a bug, not bad input.
        throw new UncheckedIOException("cannot read back the contract binary of a decoded record", e);
      }
    }
    for (int i = 0; i < sources.length; i++) {
      record.set(i, sources[i] == null ? null : sources[i].value(decoded, contract));
    }
    return record;
  }

  private static Source fromRow(Types.NestedField column) {
    int index = BronzeColumns.DECODED.fieldIndex(column.name());
    Function<Object, Object> convert = sparkValue(column.type());
    return (row, read) -> {
      Object value = row.get(index);
      return value == null ? null : convert.apply(value);
    };
  }

  /** Spark's external values (Timestamp, byte[]) as Iceberg's generic data wants them. */
  private static Function<Object, Object> sparkValue(Type type) {
    return switch (type.typeId()) {
      case TIMESTAMP -> v -> {
        Timestamp t = (Timestamp) v;
        return utc(Math.floorDiv(t.getTime(), 1_000L), t.getNanos());
      };
      case BINARY -> v -> ByteBuffer.wrap((byte[]) v);
      default -> v -> v;
    };
  }

  /** A contract value (Avro generic data, no logical-type conversions) as the column's Iceberg generic value. */
  private static Function<Object, Object> converter(Types.NestedField column, org.apache.avro.Schema avro) {
    LogicalType logical = avro.getLogicalType();
    return switch (column.type().typeId()) {
      case STRING -> Object::toString;
      case INTEGER -> v -> ((Number) v).intValue();
      case LONG -> v -> ((Number) v).longValue();
      case DOUBLE -> v -> ((Number) v).doubleValue();
      case FLOAT -> v -> ((Number) v).floatValue();
      case BOOLEAN -> v -> v;
      case DATE -> v -> LocalDate.ofEpochDay(((Number) v).longValue());
      case BINARY -> v -> ((ByteBuffer) v).duplicate();
      case DECIMAL -> {
        int scale = ((LogicalTypes.Decimal) logical).getScale();
        int columnScale = ((Types.DecimalType) column.type()).scale();
        // Exact or refused: the contract's scale equals the column's, and setScale throws rather than round.
        yield v -> new BigDecimal(new BigInteger(bytes((ByteBuffer) v)), scale).setScale(columnScale);
      }
      case TIMESTAMP -> {
        boolean millis = logical instanceof LogicalTypes.TimestampMillis;
        boolean zoned = ((Types.TimestampType) column.type()).shouldAdjustToUTC();
        long perSecond = millis ? 1_000L : 1_000_000L;
        int nanosPerUnit = millis ? 1_000_000 : 1_000;
        yield v -> {
          long raw = ((Number) v).longValue();
          OffsetDateTime time = utc(Math.floorDiv(raw, perSecond), (int) Math.floorMod(raw, perSecond) * nanosPerUnit);
          return zoned ? time : time.toLocalDateTime();
        };
      }
      default -> throw new IllegalArgumentException("bronze column " + column.name() + " has type " + column.type()
          + ", which a contract field cannot fill");
    };
  }

  /** Instant.atOffset would build the offset's ZoneRules anew for every value; this is plain arithmetic. */
  private static OffsetDateTime utc(long epochSecond, int nanos) {
    return OffsetDateTime.of(LocalDateTime.ofEpochSecond(epochSecond, nanos, ZoneOffset.UTC), ZoneOffset.UTC);
  }

  private static org.apache.avro.Schema nonNull(org.apache.avro.Schema schema) {
    if (schema.getType() != org.apache.avro.Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream().filter(s -> s.getType() != org.apache.avro.Schema.Type.NULL).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("a union of only null: " + schema));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
