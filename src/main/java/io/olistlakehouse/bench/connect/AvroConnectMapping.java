package io.olistlakehouse.bench.connect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schemas and values in Kafka Connect's data model, mapped as Confluent's AvroConverter maps them (what sinks
 * expect): record to Struct, {@code [null, X]} to optional X, timestamp-millis/-micros to Timestamp, date to Date,
 * time-millis/-micros to Time, decimal to Decimal (precision kept in Confluent's schema parameter). Connect's
 * Timestamp and Time hold milliseconds, so micros are truncated, as with Confluent's converter. Each Avro schema is
 * compiled once into a Connect schema and a tree of value mappers: a record then costs one walk, no lookups.
 */
final class AvroConnectMapping {

  /** The schema parameter in which Confluent's converter keeps a decimal's precision. */
  static final String DECIMAL_PRECISION = "connect.decimal.precision";

  private static final long MILLIS_PER_DAY = TimeUnit.DAYS.toMillis(1);

  /** Maps one non-null Avro value (as the generic reader returns it) to its Connect value. */
  interface ValueMapper {
    Object map(Object avro);
  }

  /** A compiled Avro schema: its Connect schema and the mapper of its values. */
  record Mapped(Schema schema, ValueMapper values) {

    Object map(Object avro) {
      return avro == null ? null : values.map(avro);
    }
  }

  private AvroConnectMapping() {}

  static Mapped compile(org.apache.avro.Schema avro) {
    return compile(avro, false);
  }

  private static Mapped compile(org.apache.avro.Schema avro, boolean optional) {
    return switch (avro.getType()) {
      case UNION -> union(avro, optional);
      case RECORD -> record(avro, optional);
      case STRING, ENUM -> new Mapped(build(SchemaBuilder.string(), avro, optional), Object::toString);
      case INT -> integer(avro, optional);
      case LONG -> longValue(avro, optional);
      case FLOAT -> new Mapped(build(SchemaBuilder.float32(), avro, optional), v -> v);
      case DOUBLE -> new Mapped(build(SchemaBuilder.float64(), avro, optional), v -> v);
      case BOOLEAN -> new Mapped(build(SchemaBuilder.bool(), avro, optional), v -> v);
      case BYTES, FIXED -> bytes(avro, optional);
      case ARRAY -> array(avro, optional);
      case MAP -> map(avro, optional);
      case NULL -> throw new DataException("a bare Avro null has no Connect type (only [null, X] unions do)");
    };
  }

  /** Only {@code [null, X]} (either order) has a Connect equivalent: an optional X. */
  private static Mapped union(org.apache.avro.Schema avro, boolean optional) {
    List<org.apache.avro.Schema> branches = avro.getTypes().stream()
        .filter(s -> s.getType() != org.apache.avro.Schema.Type.NULL).toList();
    if (branches.size() != 1) {
      throw new DataException("Avro union " + avro + " is not [null, X]: Connect has no type for it");
    }
    return compile(branches.get(0), optional || branches.size() < avro.getTypes().size());
  }

  private static Mapped record(org.apache.avro.Schema avro, boolean optional) {
    SchemaBuilder builder = SchemaBuilder.struct().name(avro.getFullName());
    List<org.apache.avro.Schema.Field> fields = avro.getFields();
    Mapped[] mapped = new Mapped[fields.size()];
    for (int i = 0; i < mapped.length; i++) {
      mapped[i] = compile(fields.get(i).schema());
      builder.field(fields.get(i).name(), mapped[i].schema());
    }
    Schema schema = build(builder, avro, optional);
    Field[] connectFields = schema.fields().toArray(new Field[0]);
    return new Mapped(schema, v -> {
      GenericRecord record = (GenericRecord) v;
      Struct struct = new Struct(schema);
      for (int i = 0; i < connectFields.length; i++) {
        struct.put(connectFields[i], mapped[i].map(record.get(i)));
      }
      return struct;
    });
  }

  private static Mapped integer(org.apache.avro.Schema avro, boolean optional) {
    LogicalType logical = avro.getLogicalType();
    if (logical instanceof LogicalTypes.Date) {
      return new Mapped(build(Date.builder(), avro, optional), v -> v instanceof LocalDate d
          ? new java.util.Date(d.toEpochDay() * MILLIS_PER_DAY)
          : new java.util.Date(((Integer) v) * MILLIS_PER_DAY));
    }
    if (logical instanceof LogicalTypes.TimeMillis) {
      return new Mapped(build(Time.builder(), avro, optional), v -> new java.util.Date((Integer) v));
    }
    return new Mapped(build(SchemaBuilder.int32(), avro, optional), v -> v);
  }

  private static Mapped longValue(org.apache.avro.Schema avro, boolean optional) {
    LogicalType logical = avro.getLogicalType();
    if (logical instanceof LogicalTypes.TimestampMillis) {
      return new Mapped(build(Timestamp.builder(), avro, optional), v -> v instanceof Instant i
          ? java.util.Date.from(i) : new java.util.Date((Long) v));
    }
    if (logical instanceof LogicalTypes.TimestampMicros) {
      return new Mapped(build(Timestamp.builder(), avro, optional), v -> v instanceof Instant i
          ? new java.util.Date(i.toEpochMilli()) : new java.util.Date(Math.floorDiv((Long) v, 1000L)));
    }
    if (logical instanceof LogicalTypes.TimeMicros) {
      return new Mapped(build(Time.builder(), avro, optional), v -> new java.util.Date((Long) v / 1000L));
    }
    return new Mapped(build(SchemaBuilder.int64(), avro, optional), v -> v);
  }

  private static Mapped bytes(org.apache.avro.Schema avro, boolean optional) {
    if (avro.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
      int scale = decimal.getScale();
      SchemaBuilder builder = Decimal.builder(scale)
          .parameter(DECIMAL_PRECISION, Integer.toString(decimal.getPrecision()));
      // setScale without rounding: a value that does not fit the scale is an error, never silently rounded.
      return new Mapped(build(builder, avro, optional), v -> v instanceof BigDecimal d
          ? d.setScale(scale) : new BigDecimal(new BigInteger(bytesOf(v)), scale));
    }
    return new Mapped(build(SchemaBuilder.bytes(), avro, optional), AvroConnectMapping::bytesOf);
  }

  private static byte[] bytesOf(Object v) {
    if (v instanceof ByteBuffer buffer) {
      byte[] out = new byte[buffer.remaining()];
      buffer.duplicate().get(out);
      return out;
    }
    if (v instanceof GenericFixed fixed) {
      return fixed.bytes().clone();
    }
    return (byte[]) v;
  }

  private static Mapped array(org.apache.avro.Schema avro, boolean optional) {
    Mapped element = compile(avro.getElementType());
    return new Mapped(build(SchemaBuilder.array(element.schema()), avro, optional), v -> {
      List<Object> out = new ArrayList<>();
      for (Object item : (Iterable<?>) v) {
        out.add(element.map(item));
      }
      return out;
    });
  }

  private static Mapped map(org.apache.avro.Schema avro, boolean optional) {
    Mapped value = compile(avro.getValueType());
    return new Mapped(build(SchemaBuilder.map(Schema.STRING_SCHEMA, value.schema()), avro, optional), v -> {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) v).forEach((k, item) -> out.put(k.toString(), value.map(item)));
      return out;
    });
  }

  private static Schema build(SchemaBuilder builder, org.apache.avro.Schema avro, boolean optional) {
    if (optional) {
      builder.optional();
    }
    if (avro.getDoc() != null) {
      builder.doc(avro.getDoc());
    }
    return builder.build();
  }
}
