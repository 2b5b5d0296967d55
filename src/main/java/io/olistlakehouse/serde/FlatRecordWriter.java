package io.olistlakehouse.serde;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.AvroTypeException;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.Encoder;
import org.apache.avro.util.Utf8;

/**
 * Writes records of a flat schema (primitive fields, decimals, nullable unions of those) with a plan made once per
 * schema. Avro's generic writer resolves every field of every record again (logical type, conversion lookup, union
 * branch by name), which was most of the replay's serialization cost. The bytes are the generic writer's, which a
 * test checks for every bronze contract; a schema of another shape gets no plan and keeps the generic writer.
 */
final class FlatRecordWriter {

  private enum Kind { STRING, INT, LONG, DOUBLE, FLOAT, BOOLEAN, DECIMAL }

  /** One field: how its value is written and, for a ["null", T] union, which branch is which. */
  private record FieldPlan(String name, Kind kind, int nullBranch, int valueBranch, int scale, int precision) {
    boolean nullable() {
      return nullBranch >= 0;
    }
  }

  private final FieldPlan[] fields;

  private FlatRecordWriter(List<FieldPlan> fields) {
    this.fields = fields.toArray(FieldPlan[]::new);
  }

  /** A writer for {@code schema}, or empty when it is not a flat record this class knows how to write. */
  static Optional<FlatRecordWriter> compile(Schema schema) {
    if (schema.getType() != Schema.Type.RECORD) {
      return Optional.empty();
    }
    List<FieldPlan> plans = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      Optional<FieldPlan> plan = plan(field.name(), field.schema());
      if (plan.isEmpty()) {
        return Optional.empty();
      }
      plans.add(plan.get());
    }
    return Optional.of(new FlatRecordWriter(plans));
  }

  private static Optional<FieldPlan> plan(String name, Schema type) {
    if (type.getType() != Schema.Type.UNION) {
      return kind(type).map(k -> new FieldPlan(name, k, -1, -1, scale(type), precision(type)));
    }
    List<Schema> branches = type.getTypes();
    if (branches.size() != 2) {
      return Optional.empty();
    }
    int nullBranch = branches.get(0).getType() == Schema.Type.NULL ? 0
        : branches.get(1).getType() == Schema.Type.NULL ? 1 : -1;
    if (nullBranch < 0) {
      return Optional.empty();
    }
    Schema value = branches.get(1 - nullBranch);
    return kind(value).map(k -> new FieldPlan(name, k, nullBranch, 1 - nullBranch, scale(value), precision(value)));
  }

  private static Optional<Kind> kind(Schema type) {
    LogicalType logical = type.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal) {
      return type.getType() == Schema.Type.BYTES ? Optional.of(Kind.DECIMAL) : Optional.empty();
    }
    boolean plainLong = logical == null || logical instanceof LogicalTypes.TimestampMillis;
    return switch (type.getType()) {
      case STRING -> Optional.of(Kind.STRING);
      case INT -> logical == null ? Optional.of(Kind.INT) : Optional.empty();
      case LONG -> plainLong ? Optional.of(Kind.LONG) : Optional.empty();
      case DOUBLE -> Optional.of(Kind.DOUBLE);
      case FLOAT -> Optional.of(Kind.FLOAT);
      case BOOLEAN -> Optional.of(Kind.BOOLEAN);
      default -> Optional.empty();
    };
  }

  private static int scale(Schema type) {
    return type.getLogicalType() instanceof LogicalTypes.Decimal d ? d.getScale() : 0;
  }

  private static int precision(Schema type) {
    return type.getLogicalType() instanceof LogicalTypes.Decimal d ? d.getPrecision() : 0;
  }

  void write(IndexedRecord record, Encoder out) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      FieldPlan field = fields[i];
      Object value = record.get(i);
      if (field.nullable()) {
        if (value == null) {
          out.writeIndex(field.nullBranch());
          out.writeNull();
          continue;
        }
        out.writeIndex(field.valueBranch());
      } else if (value == null) {
        throw new NullPointerException("null value for (non-nullable) field " + field.name());
      }
      writeValue(field, value, out);
    }
  }

  private static void writeValue(FieldPlan field, Object value, Encoder out) throws IOException {
    switch (field.kind()) {
      case STRING -> {
        if (value instanceof Utf8 utf8) {
          out.writeString(utf8);
        } else {
          out.writeString(value.toString());
        }
      }
      case INT -> out.writeInt(((Number) value).intValue());
      case LONG -> out.writeLong(((Number) value).longValue());
      case DOUBLE -> out.writeDouble(((Number) value).doubleValue());
      case FLOAT -> out.writeFloat(((Number) value).floatValue());
      case BOOLEAN -> out.writeBoolean((Boolean) value);
      case DECIMAL -> {
        byte[] unscaled = exact(field, (BigDecimal) value).unscaledValue().toByteArray();
        out.writeBytes(unscaled, 0, unscaled.length);
      }
    }
  }

  /** As Avro's decimal conversion: rescaled to the schema's scale only when no digit is lost, within precision. */
  private static BigDecimal exact(FieldPlan field, BigDecimal value) {
    BigDecimal scaled = value;
    if (value.scale() != field.scale()) {
      try {
        scaled = value.setScale(field.scale(), RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw new AvroTypeException("Cannot encode decimal with scale " + value.scale() + " as scale "
            + field.scale() + " without rounding (field " + field.name() + ")");
      }
    }
    if (scaled.precision() > field.precision()) {
      throw new AvroTypeException("Cannot encode decimal with precision " + scaled.precision()
          + " as max precision " + field.precision() + " (field " + field.name() + ")");
    }
    return scaled;
  }
}
