package io.olistlakehouse.bench.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.serde.ConfluentWireFormat;
import io.olistlakehouse.serde.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** Wire-format bytes of every logical type the contracts could use, through the converter into Connect data. */
class ContractAvroConverterTest {

  private static final String SCHEMA = """
      {"type": "record", "name": "Probe", "namespace": "io.olistlakehouse.test", "fields": [
        {"name": "order_id", "type": "string"},
        {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["purchase", "approved"]}},
        {"name": "items", "type": "int"},
        {"name": "event_time", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "precise_time", "type": {"type": "long", "logicalType": "timestamp-micros"}},
        {"name": "estimate_day", "type": {"type": "int", "logicalType": "date"}},
        {"name": "cutoff", "type": {"type": "int", "logicalType": "time-millis"}},
        {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
        {"name": "freight", "type": {"type": "fixed", "name": "Money", "size": 8, "logicalType": "decimal",
          "precision": 10, "scale": 3}},
        {"name": "delivered_at", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}],
          "default": null},
        {"name": "coupon", "type": ["string", "null"]},
        {"name": "raw", "type": "bytes"},
        {"name": "tags", "type": {"type": "array", "items": "string"}}
      ]}""";

  private static final Schema PROBE = new Schema.Parser().parse(SCHEMA);
  private static final int ID = 7;

  /** A registry that knows one schema and counts how often it is asked. */
  private static final class OneSchemaRegistry extends SchemaRegistryClient {
    private final Map<Integer, Schema> schemas;
    int lookups;

    OneSchemaRegistry(Map<Integer, Schema> schemas) {
      super("http://registry.invalid");
      this.schemas = schemas;
    }

    @Override
    public Schema schemaById(int id) {
      lookups++;
      return schemas.get(id);
    }
  }

  private static byte[] wire(int id, Schema schema, GenericRecord record) throws IOException {
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(body, null);
    new GenericDatumWriter<GenericRecord>(schema, data).write(record, encoder);
    encoder.flush();
    return ConfluentWireFormat.frame(id, body.toByteArray());
  }

  private static GenericRecord probe(Long deliveredAt, String coupon) {
    GenericRecord r = new GenericData.Record(PROBE);
    r.put("order_id", "o-1");
    r.put("status", new GenericData.EnumSymbol(PROBE.getField("status").schema(), "approved"));
    r.put("items", 3);
    r.put("event_time", Instant.parse("2017-10-02T10:56:33.123Z").toEpochMilli());
    r.put("precise_time", 1_506_941_793_123_456L);
    r.put("estimate_day", (int) LocalDate.parse("2017-10-18").toEpochDay());
    r.put("cutoff", 61_000);
    r.put("price", new BigDecimal("29.99"));
    Schema money = PROBE.getField("freight").schema();
    r.put("freight", new Conversions.DecimalConversion().toFixed(new BigDecimal("8.720"), money,
        LogicalTypes.decimal(10, 3)));
    r.put("delivered_at", deliveredAt);
    r.put("coupon", coupon);
    r.put("raw", ByteBuffer.wrap(new byte[] {1, 2, 3}));
    r.put("tags", List.of("a", "b"));
    return r;
  }

  @Test
  void logicalTypesBecomeConnectLogicalTypes() throws IOException {
    ContractAvroConverter converter = new ContractAvroConverter(new OneSchemaRegistry(Map.of(ID, PROBE)));
    SchemaAndValue converted = converter.toConnectData("order_status",
        wire(ID, PROBE, probe(Instant.parse("2017-10-10T21:25:13Z").toEpochMilli(), null)));

    org.apache.kafka.connect.data.Schema schema = converted.schema();
    assertEquals("io.olistlakehouse.test.Probe", schema.name());
    assertEquals(org.apache.kafka.connect.data.Schema.Type.STRING, schema.field("status").schema().type());
    assertEquals(Timestamp.LOGICAL_NAME, schema.field("event_time").schema().name());
    assertEquals(Timestamp.LOGICAL_NAME, schema.field("precise_time").schema().name());
    assertEquals(Date.LOGICAL_NAME, schema.field("estimate_day").schema().name());
    assertEquals(Time.LOGICAL_NAME, schema.field("cutoff").schema().name());
    assertEquals(Decimal.LOGICAL_NAME, schema.field("price").schema().name());
    assertEquals("2", schema.field("price").schema().parameters().get(Decimal.SCALE_FIELD));
    assertEquals("12", schema.field("price").schema().parameters().get(AvroConnectMapping.DECIMAL_PRECISION));
    assertEquals("3", schema.field("freight").schema().parameters().get(Decimal.SCALE_FIELD));
    assertFalse(schema.field("event_time").schema().isOptional(), "a plain field stays required");
    assertTrue(schema.field("delivered_at").schema().isOptional(), "[null, X] is an optional X");
    assertEquals(Timestamp.LOGICAL_NAME, schema.field("delivered_at").schema().name());
    assertTrue(schema.field("coupon").schema().isOptional(), "[X, null] is optional too");
    assertEquals(org.apache.kafka.connect.data.Schema.Type.ARRAY, schema.field("tags").schema().type());

    Struct value = (Struct) converted.value();
    value.validate();
    assertEquals("o-1", value.get("order_id"));
    assertEquals("approved", value.get("status"));
    assertEquals(3, value.get("items"));
    assertEquals(java.util.Date.from(Instant.parse("2017-10-02T10:56:33.123Z")), value.get("event_time"));
    assertEquals(new java.util.Date(1_506_941_793_123L), value.get("precise_time"), "micros truncated to millis");
    assertEquals(java.util.Date.from(Instant.parse("2017-10-18T00:00:00Z")), value.get("estimate_day"));
    assertEquals(new java.util.Date(61_000), value.get("cutoff"));
    assertEquals(new BigDecimal("29.99"), value.get("price"));
    assertEquals(new BigDecimal("8.720"), value.get("freight"));
    assertEquals(java.util.Date.from(Instant.parse("2017-10-10T21:25:13Z")), value.get("delivered_at"));
    assertNull(value.get("coupon"));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) value.get("raw"));
    assertEquals(List.of("a", "b"), value.get("tags"));
  }

  @Test
  void nullsInOptionalFieldsAndTheSchemaIsCompiledOncePerWriterSchema() throws IOException {
    OneSchemaRegistry registry = new OneSchemaRegistry(Map.of(ID, PROBE));
    ContractAvroConverter converter = new ContractAvroConverter(registry);
    SchemaAndValue first = converter.toConnectData("t", wire(ID, PROBE, probe(null, "WELCOME10")));
    SchemaAndValue second = converter.toConnectData("t", wire(ID, PROBE, probe(null, null)));
    assertNull(((Struct) first.value()).get("delivered_at"));
    assertEquals("WELCOME10", ((Struct) first.value()).get("coupon"));
    assertSame(first.schema(), second.schema());
    assertEquals(1, registry.lookups, "the writer schema is fetched once per id");
    assertSame(SchemaAndValue.NULL, converter.toConnectData("t", null), "a tombstone stays null");
  }

  @Test
  void unionsWithoutAConnectTypeAndBadPayloadsFailAsDataExceptions() throws IOException {
    Schema either = new Schema.Parser().parse("""
        {"type": "record", "name": "Either", "fields": [{"name": "v", "type": ["int", "string"]}]}""");
    GenericRecord r = new GenericData.Record(either);
    r.put("v", 1);
    ContractAvroConverter converter = new ContractAvroConverter(new OneSchemaRegistry(Map.of(ID, PROBE, 8, either)));
    assertThrows(DataException.class, () -> converter.toConnectData("t", wire(8, either, r)));
    assertThrows(DataException.class, () -> converter.toConnectData("t", new byte[] {1, 2, 3}));
    assertThrows(DataException.class, () -> converter.fromConnectData("t", null, null));
  }
}
