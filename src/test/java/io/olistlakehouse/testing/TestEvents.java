package io.olistlakehouse.testing;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Valid records of any bronze contract, filled field by field from the schema, deterministic in {@code n}: event time
 * walks forward from {@link #FIRST_EVENT} by {@code n} minutes (so days advance as in a replay), money is
 * {@code n % 1000 + 0.25}, optional fields are set on odd {@code n}.
 */
public final class TestEvents {

  public static final Instant FIRST_EVENT = Instant.parse("2017-03-01T00:00:00Z");

  private TestEvents() {}

  public static GenericRecord record(BronzeStream stream, long n) {
    return record(stream, n, eventTime(n));
  }

  /** A record whose timestamps are {@code eventTime}. */
  public static GenericRecord record(BronzeStream stream, long n, Instant eventTime) {
    Schema schema = BronzeContracts.schema(stream);
    GenericRecord r = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      r.put(field.name(), value(field, n, eventTime));
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

  private static Object value(Schema.Field field, long n, Instant eventTime) {
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
      return eventTime.toEpochMilli();
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

  /**
   * The record's plain Avro binary with one decimal field written as raw two's-complement bytes, unchecked, as a
   * producer that does not validate decimals would write it.
   */
  public static byte[] encodeWithRawDecimal(GenericRecord record, String field, BigInteger unscaled)
      throws IOException {
    Schema plain = new Schema.Parser().parse(record.getSchema().toString().replace(
        "\"logicalType\":\"decimal\",", ""));
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    GenericRecord raw = new GenericData.Record(plain);
    for (Schema.Field f : plain.getFields()) {
      Object v = record.get(f.name());
      raw.put(f.name(), v instanceof BigDecimal d ? ByteBuffer.wrap(d.unscaledValue().toByteArray()) : v);
    }
    raw.put(field, ByteBuffer.wrap(unscaled.toByteArray()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(plain, data).write(raw, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
