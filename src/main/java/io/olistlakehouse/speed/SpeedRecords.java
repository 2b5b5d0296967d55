package io.olistlakehouse.speed;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Row;

/**
 * The tracker's output rows ({@link SpeedOutput}) as Iceberg records of a speed table: each table column takes the
 * output column of the same name, converted to the value Iceberg's generic writers expect for its type.
 */
final class SpeedRecords {

  private final Schema table;
  private final int[] outputIndex;
  private final Type[] types;

  SpeedRecords(Schema table) {
    this.table = table;
    List<Types.NestedField> columns = table.columns();
    this.outputIndex = new int[columns.size()];
    this.types = new Type[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      outputIndex[i] = SpeedOutput.SCHEMA.fieldIndex(columns.get(i).name());
      types[i] = columns.get(i).type();
    }
  }

  Record toRecord(Row output) {
    Record r = GenericRecord.create(table);
    for (int i = 0; i < outputIndex.length; i++) {
      r.set(i, value(types[i], output.get(outputIndex[i])));
    }
    return r;
  }

  /** Epoch milliseconds as the value of an Iceberg timestamp with zone (Spark's TIMESTAMP). */
  static OffsetDateTime timestamptz(long millis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  static Object value(Type type, Object v) {
    if (v == null) {
      return null;
    }
    return switch (type.typeId()) {
      case TIMESTAMP -> {
        Timestamp t = (Timestamp) v;
        yield ((Types.TimestampType) type).shouldAdjustToUTC() ? timestamptz(t.getTime())
            : LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
      }
      case LONG -> ((Number) v).longValue();
      case INTEGER -> ((Number) v).intValue();
      case DECIMAL -> ((BigDecimal) v).setScale(((Types.DecimalType) type).scale());
      default -> v;
    };
  }
}
