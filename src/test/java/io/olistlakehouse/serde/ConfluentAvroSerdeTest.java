package io.olistlakehouse.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.testing.TestRegistry;
import io.olistlakehouse.testing.TestSchemas;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wire format round trips and every malformed-input message, against a real registry on an ephemeral port. */
class ConfluentAvroSerdeTest {

  private static TestRegistry registry;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void start() {
    registry = TestRegistry.start();
    client = SchemaRegistryClient.fromConfig(registry.config());
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static GenericRecord order(String id, String coupon) {
    GenericRecord r = new GenericData.Record(TestSchemas.order());
    r.put("order_id", id);
    r.put("items", 3L);
    r.put("freight", 12.5);
    r.put("coupon", coupon);
    r.put("price", new BigDecimal("1234567890.12"));
    return r;
  }

  @Test
  void roundTripKeepsEveryValueAndUsesTheRegisteredId() {
    byte[] bytes = new ConfluentAvroSerializer(client).serialize("orders", order("o-1", null));
    int id = client.lookup("orders-value", TestSchemas.order()).id();
    assertEquals(0, bytes[0]);
    assertEquals(id, ByteBuffer.wrap(bytes, 1, 4).getInt());

    GenericRecord back = new ConfluentAvroDeserializer(client).deserialize("orders", bytes);
    assertEquals("o-1", back.get("order_id").toString());
    assertEquals(3L, back.get("items"));
    assertEquals(12.5, back.get("freight"));
    assertNull(back.get("coupon"));
    assertEquals(new BigDecimal("1234567890.12"), back.get("price"));

    GenericRecord withCoupon = new ConfluentAvroDeserializer(client).deserialize("orders",
        new ConfluentAvroSerializer(client).serialize("orders", order("o-2", "WELCOME10")));
    assertEquals("WELCOME10", withCoupon.get("coupon").toString());
  }

  @Test
  void configuredThroughKafkaPropertiesWithKeySubjects() {
    Map<String, Object> configs = Map.of(SchemaRegistryClient.URL_CONFIG, registry.url());
    ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
    serializer.configure(configs, true);
    ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
    deserializer.configure(configs, true);
    byte[] bytes = serializer.serialize("keyed", order("k-1", null));
    assertEquals("k-1", deserializer.deserialize("keyed", bytes).get("order_id").toString());
    assertTrue(client.subjects().contains("keyed-key"), client.subjects().toString());
    assertNull(serializer.serialize("keyed", null));
    assertNull(deserializer.deserialize("keyed", null));
  }

  @Test
  void lookupOnlySerializerRefusesUnregisteredSchemas() {
    ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(client, false, false);
    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.serialize("unregistered", order("o", null)));
    assertTrue(e.getMessage().contains("cannot look up schema io.olistlakehouse.test.Order under subject "
        + "unregistered-value") && e.getMessage().contains("40401"), e.getMessage());
  }

  @Test
  void readerSchemaResolvesOlderData() {
    byte[] bytes = new ConfluentAvroSerializer(client).serialize("evolving", order("o-3", null));
    Schema reader = TestSchemas.record("Order", TestSchemas.ORDER_ID, TestSchemas.PRICE,
        "{\"name\":\"channel\",\"type\":\"string\",\"default\":\"web\"}");
    GenericRecord back = new ConfluentAvroDeserializer(client, reader).deserialize("evolving", bytes);
    assertEquals(reader, back.getSchema());
    assertEquals("web", back.get("channel").toString());
    assertEquals(new BigDecimal("1234567890.12"), back.get("price"));

    Schema incompatible = TestSchemas.record("Order", "{\"name\":\"order_id\",\"type\":\"long\"}");
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> new ConfluentAvroDeserializer(client, incompatible).deserialize("evolving", bytes));
    assertTrue(e.getMessage().contains("cannot be read as reader schema io.olistlakehouse.test.Order: TYPE_MISMATCH"),
        e.getMessage());
  }

  @Test
  void malformedPayloadsSayWhatIsWrong() {
    ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(client);
    byte[] good = new ConfluentAvroSerializer(client).serialize("orders", order("o-4", "X"));
    int id = ConfluentWireFormat.schemaId(good);

    assertEquals("payload shorter than 5 bytes (3 bytes): not in the Confluent wire format",
        assertThrows(WireFormatException.class, () -> deserializer.deserialize("t", new byte[] {0, 0, 1}))
            .getMessage());
    assertEquals("bad magic byte 0x7b (expected 0x00): not in the Confluent wire format",
        assertThrows(WireFormatException.class,
            () -> deserializer.deserialize("t", "{\"order\":1}".getBytes())).getMessage());
    String unknown = assertThrows(WireFormatException.class,
        () -> deserializer.deserialize("t", ConfluentWireFormat.frame(987654, new byte[] {2, 65}))).getMessage();
    assertTrue(unknown.startsWith("unknown schema id 987654: "), unknown);

    byte[] truncated = Arrays.copyOf(good, good.length - 4);
    String corrupt = assertThrows(WireFormatException.class, () -> deserializer.deserialize("t", truncated))
        .getMessage();
    assertTrue(corrupt.startsWith("corrupt Avro body for schema id " + id + ": "), corrupt);

    byte[] trailing = Arrays.copyOf(good, good.length + 2);
    String extra = assertThrows(WireFormatException.class, () -> deserializer.deserialize("t", trailing))
        .getMessage();
    assertEquals("corrupt Avro body for schema id " + id + ": 2 bytes left after the record (written with another "
        + "schema?)", extra);

    byte[] badUnion = good.clone();
    badUnion[ConfluentWireFormat.HEADER_SIZE + 1 + "o-4".length() + 1 + 8] = 9; // union branch index 9 of 2
    String branch = assertThrows(WireFormatException.class, () -> deserializer.deserialize("t", badUnion))
        .getMessage();
    assertTrue(branch.startsWith("corrupt Avro body for schema id " + id + ": "), branch);
  }

  @Test
  void unreachableRegistryIsNotAWireFormatError() {
    SchemaRegistryClient nowhere = new SchemaRegistryClient(registry.config()
        .withOverrides(Map.of("registry.port", "1")).get("registry.url"));
    SerializationException e = assertThrows(SerializationException.class,
        () -> new ConfluentAvroDeserializer(nowhere).deserialize("t", ConfluentWireFormat.frame(1, new byte[0])));
    assertFalse(e instanceof WireFormatException, "a registry outage is transient, not a poison record");
    assertTrue(e.getMessage().contains("cannot fetch writer schema id 1"), e.getMessage());
  }

  @Test
  void framingIsMagicByteThenBigEndianId() {
    byte[] framed = ConfluentWireFormat.frame(0x01020304, new byte[] {42});
    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 42}, framed);
    assertEquals(0x01020304, ConfluentWireFormat.schemaId(framed));
  }

  @Test
  void clientReportsRegistryErrorsWithStatusAndCode() {
    SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.schemaById(424242));
    assertEquals(404, e.status());
    assertEquals(40403, e.errorCode());
    assertTrue(e.getMessage().contains("HTTP 404 (error_code 40403)"), e.getMessage());

    client.setCompatibility("strict-value", "BACKWARD");
    client.register("strict-value", TestSchemas.record("S", TestSchemas.ORDER_ID));
    Schema breaking = TestSchemas.record("S", TestSchemas.ORDER_ID, "{\"name\":\"must\",\"type\":\"int\"}");
    SchemaRegistryClient.CompatibilityCheck check = client.testCompatibility("strict-value", breaking);
    assertFalse(check.compatible());
    assertTrue(check.messages().get(0).contains("field 'must'"), check.messages().toString());
    SchemaRegistryException conflict =
        assertThrows(SchemaRegistryException.class, () -> client.register("strict-value", breaking));
    assertEquals(409, conflict.errorCode());
    assertTrue(conflict.registryMessage().contains("field 'must'"), conflict.registryMessage());
    assertEquals("BACKWARD", client.compatibility("strict-value"));
    assertEquals(1, client.latest("strict-value").version());
  }
}
