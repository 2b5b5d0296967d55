package io.olistlakehouse.bronze;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Valid records of any bronze contract, filled field by field from the schema, deterministic in {@code n}: event time
 * walks forward from {@link #FIRST_EVENT} by {@code n} minutes (so days advance as in a replay), money is
 * {@code n % 1000 + 0.25}, optional fields are set on odd {@code n}.
 */
public final class TestEvents {

  public static final Instant FIRST_EVENT = Instant.parse("2017-03-01T00:00:00Z");

  private TestEvents() {}

  public static GenericRecord record(BronzeStream stream, long n) {
    Schema schema = BronzeContracts.schema(stream);
    GenericRecord r = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      r.put(field.name(), value(field, n));
    }
    return r;
  }

  /** The record's key: the id that orders the stream (order_id for order events). */
  public static String key(BronzeStream stream, long n) {
    return stream.orderScoped() ? "order-" + n : stream.streamName() + "-" + n;
  }

  public static Instant eventTime(long n) {
    return FIRST_EVENT.plus(Duration.ofMinutes(n));
  }

  public static BigDecimal money(long n) {
    return BigDecimal.valueOf(n % 1000).add(new BigDecimal("0.25"));
  }

  private static Object value(Schema.Field field, long n) {
    Schema type = field.schema();
    if (type.getType() == Schema.Type.UNION) {
      if (n % 2 == 0) {
        return null;
      }
      type = type.getTypes().get(1);
    }
    if (type.getLogicalType() instanceof LogicalTypes.Decimal) {
      return money(n);
    }
    if (type.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
      return eventTime(n).toEpochMilli();
    }
    return switch (type.getType()) {
      case STRING -> field.name().equals("order_id") ? "order-" + n : field.name() + "-" + n;
      case INT -> (int) (n % 100_000);
      case LONG -> n;
      case DOUBLE -> n / 4.0;
      case BOOLEAN -> n % 2 == 0;
      default -> throw new IllegalArgumentException("no test value for " + field.name() + " of type " + type);
    };
  }
}
