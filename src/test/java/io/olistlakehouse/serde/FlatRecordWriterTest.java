package io.olistlakehouse.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.testing.TestSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Random;
import org.apache.avro.AvroTypeException;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class FlatRecordWriterTest {

  private final Random random = new Random(20261122L);

  @Test
  void everyBronzeContractIsWrittenByteForByteAsAvrosGenericWriterDoes() throws IOException {
    for (BronzeStream stream : BronzeStream.values()) {
      Schema schema = BronzeContracts.schema(stream);
      FlatRecordWriter flat = FlatRecordWriter.compile(schema)
          .orElseThrow(() -> new AssertionError(stream + " has no flat plan"));
      for (int n = 0; n < 500; n++) {
        GenericRecord record = randomRecord(schema, n % 3 == 0);
        assertArrayEquals(generic(record), flat(flat, record), stream + " record " + record);
      }
    }
  }

  @Test
  void utf8AndNonAsciiStringsMatchTheGenericWriter() throws IOException {
    Schema schema = TestSchemas.record("S", TestSchemas.ORDER_ID, TestSchemas.COUPON);
    GenericRecord record = new GenericData.Record(schema);
    record.put("order_id", new Utf8("pedido-ação"));
    record.put("coupon", "São Paulo — ñ");
    assertArrayEquals(generic(record), flat(FlatRecordWriter.compile(schema).orElseThrow(), record));
  }

  @Test
  void nestedOrMultiBranchSchemasKeepTheGenericWriter() {
    Schema nested = TestSchemas.record("N", TestSchemas.ORDER_ID,
        "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}}");
    Schema threeBranches = TestSchemas.record("U",
        "{\"name\":\"v\",\"type\":[\"null\",\"string\",\"long\"]}");
    assertTrue(FlatRecordWriter.compile(nested).isEmpty());
    assertTrue(FlatRecordWriter.compile(threeBranches).isEmpty());
  }

  @Test
  void decimalsAreRescaledOnlyWithoutLossAsTheGenericWriterDoes() throws IOException {
    Schema schema = TestSchemas.record("P", TestSchemas.PRICE);
    FlatRecordWriter flat = FlatRecordWriter.compile(schema).orElseThrow();
    GenericRecord shorter = priced(schema, "1.5");
    assertArrayEquals(generic(shorter), flat(flat, shorter));
    GenericRecord rounded = priced(schema, "1.505");
    assertThrows(AvroTypeException.class, () -> generic(rounded));
    assertThrows(AvroTypeException.class, () -> flat(flat, rounded));
    GenericRecord huge = priced(schema, "12345678901234567890.12");
    assertThrows(AvroTypeException.class, () -> generic(huge));
    assertThrows(AvroTypeException.class, () -> flat(flat, huge));
  }

  private static GenericRecord priced(Schema schema, String price) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("price", new BigDecimal(price));
    return record;
  }

  @Test
  void aNullInARequiredFieldNamesTheField() {
    Schema schema = TestSchemas.record("R", TestSchemas.ORDER_ID);
    GenericRecord record = new GenericData.Record(schema);
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> flat(FlatRecordWriter.compile(schema).orElseThrow(), record));
    assertTrue(e.getMessage().contains("order_id"), e.getMessage());
  }

  private GenericRecord randomRecord(Schema schema, boolean nullsWherePossible) {
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      Schema type = field.schema();
      if (type.isUnion()) {
        if (nullsWherePossible) {
          continue;
        }
        type = type.getTypes().stream().filter(t -> !t.isNullable()).findFirst().orElseThrow();
      }
      record.put(field.pos(), randomValue(type));
    }
    return record;
  }

  private Object randomValue(Schema type) {
    if (type.getLogicalType() instanceof LogicalTypes.Decimal d) {
      long cents = random.nextLong() % 10_000_000_000L;
      return BigDecimal.valueOf(cents, d.getScale());
    }
    return switch (type.getType()) {
      case STRING -> Long.toHexString(random.nextLong()) + (random.nextBoolean() ? " ção" : "");
      case INT -> random.nextInt();
      case LONG -> random.nextLong();
      case DOUBLE -> random.nextDouble() * 360 - 180;
      case FLOAT -> random.nextFloat();
      case BOOLEAN -> random.nextBoolean();
      default -> throw new AssertionError("no random value for " + type);
    };
  }

  private static byte[] generic(GenericRecord record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema(), AvroData.get()).write(record, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }

  private static byte[] flat(FlatRecordWriter writer, GenericRecord record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    writer.write(record, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }
}
