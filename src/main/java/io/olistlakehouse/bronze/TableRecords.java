package io.olistlakehouse.bronze;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Builds the Iceberg records of one bronze table. A stream's record is its data resolved into the contract, plus the
 * Kafka coordinates; a dead letter is its coordinates, raw bytes and reason. Columns are matched by name, so a table
 * that kept a column a newer contract dropped gets null there. Not thread-safe, and the returned record is reused:
 * one instance per task, each record encoded before the next is asked for.
 */
final class TableRecords {

  /** Where one table column's value comes from: the resolved contract record or the Kafka coordinates. */
  private interface Source {
    Object value(GenericRecord contract, KafkaCoordinates kafka);
  }

  private final Source[] sources;
  private final org.apache.iceberg.data.GenericRecord record;

  private TableRecords(Schema table, Source[] sources) {
    this.sources = sources;
    this.record = org.apache.iceberg.data.GenericRecord.create(table);
  }

  /** Records of a stream's table: contract columns by name, then the Kafka coordinates. */
  static TableRecords forStream(BronzeStream stream, Schema table) {
    org.apache.avro.Schema contract = BronzeContracts.schema(stream);
    List<Types.NestedField> columns = table.columns();
    Source[] sources = new Source[columns.size()];
    for (int i = 0; i < sources.length; i++) {
      Types.NestedField column = columns.get(i);
      org.apache.avro.Schema.Field field = contract.getField(column.name());
      Source coordinate = coordinate(column);
      if (coordinate != null) {
        sources[i] = coordinate;
      } else if (field != null) {
        int position = field.pos();
        Function<Object, Object> convert = converter(column, nonNull(field.schema()));
        sources[i] = (read, kafka) -> {
          Object value = read.get(position);
          return value == null ? null : convert.apply(value);
        };
      }
    }
    return new TableRecords(table, sources);
  }

  Record toRecord(GenericRecord resolved, KafkaCoordinates kafka) {
    for (int i = 0; i < sources.length; i++) {
      record.set(i, sources[i] == null ? null : sources[i].value(resolved, kafka));
    }
    return record;
  }

  /** The dead-letter table's record of a refused Kafka record: where it was, its raw bytes and why. */
  static Record deadLetter(Schema table, KafkaCoordinates kafka, byte[] key, byte[] value, DecodeResult<?> refused) {
    org.apache.iceberg.data.GenericRecord letter = org.apache.iceberg.data.GenericRecord.create(table);
    for (Types.NestedField column : table.columns()) {
      Source coordinate = coordinate(column);
      if (coordinate != null) {
        letter.setField(column.name(), coordinate.value(null, kafka));
      }
    }
    letter.setField(BronzeColumns.STREAM, refused.stream() == null ? null : refused.stream().streamName());
    letter.setField(BronzeColumns.KAFKA_KEY, key == null ? null : ByteBuffer.wrap(key));
    letter.setField(BronzeColumns.KAFKA_VALUE, value == null ? null : ByteBuffer.wrap(value));
    letter.setField(BronzeColumns.SCHEMA_ID, refused.schemaId());
    letter.setField(BronzeColumns.REASON, refused.reason().name());
    letter.setField(BronzeColumns.ERROR_CLASS, refused.errorClass());
    letter.setField(BronzeColumns.ERROR_MESSAGE, refused.errorMessage());
    return letter;
  }

  /** The source of a Kafka-coordinate column, null for any other column. */
  private static Source coordinate(Types.NestedField column) {
    return switch (column.name()) {
      case BronzeColumns.KAFKA_TOPIC -> (read, kafka) -> kafka.topic();
      case BronzeColumns.KAFKA_PARTITION -> (read, kafka) -> kafka.partition();
      case BronzeColumns.KAFKA_OFFSET -> (read, kafka) -> kafka.offset();
      case BronzeColumns.KAFKA_TIMESTAMP -> {
        LongFunction<Object> time = timestamp(column.type(), true);
        yield (read, kafka) -> time.apply(kafka.timestampMillis());
      }
      default -> null;
    };
  }

  /** A resolved contract value (Avro generic data, decimals as BigDecimal) as the column's Iceberg generic value. */
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
        int columnScale = ((Types.DecimalType) column.type()).scale();
        // Exact or refused: the contract's scale equals the column's, and setScale throws rather than round.
        yield v -> ((BigDecimal) v).setScale(columnScale);
      }
      case TIMESTAMP -> {
        LongFunction<Object> time = timestamp(column.type(), logical instanceof LogicalTypes.TimestampMillis);
        yield v -> time.apply(((Number) v).longValue());
      }
      default -> throw new IllegalArgumentException("bronze column " + column.name() + " has type " + column.type()
          + ", which a contract field cannot fill");
    };
  }

  /** Epoch milliseconds (or microseconds) as the timestamp column wants them: with or without its zone. */
  private static LongFunction<Object> timestamp(Type column, boolean millis) {
    boolean zoned = ((Types.TimestampType) column).shouldAdjustToUTC();
    long perSecond = millis ? 1_000L : 1_000_000L;
    int nanosPerUnit = millis ? 1_000_000 : 1_000;
    return raw -> {
      OffsetDateTime time = utc(Math.floorDiv(raw, perSecond), (int) Math.floorMod(raw, perSecond) * nanosPerUnit);
      return zoned ? time : time.toLocalDateTime();
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
}
