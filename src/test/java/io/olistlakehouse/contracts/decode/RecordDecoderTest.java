package io.olistlakehouse.contracts.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.serde.ConfluentAvroSerializer;
import io.olistlakehouse.serde.ConfluentWireFormat;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.serde.WireFormatException;
import io.olistlakehouse.testing.TestEvents;
import io.olistlakehouse.testing.TestRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every decoding outcome, against a real registry on an ephemeral port. */
class RecordDecoderTest {

  private static final BronzeTopics TOPICS = new BronzeTopics("t1.");
  private static final String PAYMENT = TOPICS.topic(BronzeStream.PAYMENT);
  private static final byte[] KEY = "order-1".getBytes(StandardCharsets.UTF_8);

  private static TestRegistry registry;
  private static SchemaRegistryClient client;
  private static RecordDecoder decoder;

  @BeforeAll
  static void start() {
    registry = TestRegistry.start();
    client = SchemaRegistryClient.fromConfig(registry.config());
    decoder = new RecordDecoder(client, TOPICS);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static byte[] serialize(String topic, GenericRecord record) {
    return new ConfluentAvroSerializer(client).serialize(topic, record);
  }

  @Test
  void validRecordsBecomeTheirContractsAvroBinary() throws IOException {
    for (BronzeStream stream : BronzeStream.values()) {
      GenericRecord sent = TestEvents.record(stream, 7);
      String topic = TOPICS.topic(stream);
      DecodeResult<byte[]> r = decoder.decode(topic, KEY, serialize(topic, sent));
      assertFalse(r.isDeadLetter(), stream + ": " + r.errorMessage());
      assertEquals(stream, r.stream());
      assertEquals(client.lookup(topic + "-value", sent.getSchema()).id(), r.schemaId());
      assertEquals(sent, readContract(stream, r.encoded()), stream.streamName());
    }
  }

  @Test
  void aNewerWriterSchemaIsResolvedIntoTheContract() throws IOException {
    Schema contract = BronzeContracts.schema(BronzeStream.PAYMENT);
    String json = contract.toString().replaceFirst("\"fields\":\\[",
        "\"fields\":[{\"name\":\"channel\",\"type\":\"string\",\"default\":\"web\"},");
    Schema newer = new Schema.Parser().parse(json);
    GenericRecord sent = TestEvents.record(BronzeStream.PAYMENT, 3);
    GenericRecord evolved = new GenericData.Record(newer);
    contract.getFields().forEach(f -> evolved.put(f.name(), sent.get(f.name())));
    evolved.put("channel", "app");
    DecodeResult<byte[]> r = decoder.decode(PAYMENT, KEY, serialize("evolving-payments", evolved));
    assertFalse(r.isDeadLetter(), r.errorMessage());
    assertEquals(sent, readContract(BronzeStream.PAYMENT, r.encoded()));
  }

  @Test
  void missingKeyOrValue() {
    byte[] good = serialize(PAYMENT, TestEvents.record(BronzeStream.PAYMENT, 1));
    assertDeadLetter(decoder.decode(PAYMENT, null, good), DeadLetterReason.MISSING_KEY, "without a key");
    assertDeadLetter(decoder.decode(PAYMENT, new byte[0], good), DeadLetterReason.MISSING_KEY, "without a key");
    assertDeadLetter(decoder.decode(PAYMENT, KEY, null), DeadLetterReason.MISSING_VALUE, "tombstone");
  }

  @Test
  void payloadsNotInTheWireFormat() {
    DecodeResult<byte[]> json = decoder.decode(PAYMENT, KEY, "{\"order_id\":1}".getBytes(StandardCharsets.UTF_8));
    assertDeadLetter(json, DeadLetterReason.NOT_WIRE_FORMAT, "bad magic byte 0x7b");
    assertEquals(WireFormatException.class.getName(), json.errorClass());
    assertNull(json.schemaId());
    assertDeadLetter(decoder.decode(PAYMENT, KEY, new byte[] {0, 0}), DeadLetterReason.NOT_WIRE_FORMAT,
        "shorter than 5 bytes");
  }

  @Test
  void unknownSchemaId() {
    DecodeResult<byte[]> r = decoder.decode(PAYMENT, KEY, ConfluentWireFormat.frame(99_999, new byte[] {2, 65}));
    assertDeadLetter(r, DeadLetterReason.UNKNOWN_SCHEMA_ID, "unknown schema id 99999");
    assertEquals(99_999, r.schemaId());
  }

  @Test
  void corruptBodies() {
    byte[] good = serialize(PAYMENT, TestEvents.record(BronzeStream.PAYMENT, 1));
    assertDeadLetter(decoder.decode(PAYMENT, KEY, Arrays.copyOf(good, good.length - 3)),
        DeadLetterReason.CORRUPT_BODY, "corrupt Avro body");
    assertDeadLetter(decoder.decode(PAYMENT, KEY, Arrays.copyOf(good, good.length + 2)),
        DeadLetterReason.CORRUPT_BODY, "2 bytes left after the record");
  }

  @Test
  void aWriterSchemaTheContractCannotRead() {
    Schema rogue = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":"
        + "\"io.olistlakehouse.bronze\",\"fields\":[{\"name\":\"order_id\",\"type\":\"long\"}]}");
    GenericRecord r = new GenericData.Record(rogue);
    r.put("order_id", 5L);
    DecodeResult<byte[]> result = decoder.decode(PAYMENT, KEY, serialize("rogue-payments", r));
    assertDeadLetter(result, DeadLetterReason.INCOMPATIBLE_SCHEMA, "cannot be read as reader schema");
  }

  @Test
  void aDecimalWiderThanTheContract() throws IOException {
    int id = client.register(PAYMENT + "-value", BronzeContracts.schema(BronzeStream.PAYMENT));
    // A producer that does not validate decimals: 10^13 cents do not fit decimal(12,2).
    GenericRecord record = TestEvents.record(BronzeStream.PAYMENT, 1);
    byte[] body = TestEvents.encodeWithRawDecimal(record, "payment_value", BigInteger.TEN.pow(13));
    DecodeResult<byte[]> r = decoder.decode(PAYMENT, KEY, ConfluentWireFormat.frame(id, body));
    assertDeadLetter(r, DeadLetterReason.OUT_OF_CONTRACT, "does not fit contract io.olistlakehouse.bronze.Payment");
    assertEquals(id, r.schemaId());
  }

  @Test
  void aRefusedRecordLeavesNothingBehindForTheNextOne() throws IOException {
    int id = client.register(PAYMENT + "-value", BronzeContracts.schema(BronzeStream.PAYMENT));
    RecordDecoder fresh = new RecordDecoder(client, TOPICS);
    byte[] tooWide = TestEvents.encodeWithRawDecimal(TestEvents.record(BronzeStream.PAYMENT, 2), "payment_value",
        BigInteger.TEN.pow(13));
    assertTrue(fresh.decode(PAYMENT, KEY, ConfluentWireFormat.frame(id, tooWide)).isDeadLetter());
    GenericRecord next = TestEvents.record(BronzeStream.PAYMENT, 3);
    DecodeResult<byte[]> r = fresh.decode(PAYMENT, KEY, serialize(PAYMENT, next));
    assertEquals(next, readContract(BronzeStream.PAYMENT, r.encoded()));
  }

  @Test
  void aDecimalOfAnotherScaleIsNotSilentlyRescaled() {
    String json = BronzeContracts.schema(BronzeStream.PAYMENT).toString()
        .replace("\"precision\":12,\"scale\":2", "\"precision\":12,\"scale\":3");
    Schema threeDigits = new Schema.Parser().parse(json);
    GenericRecord r = new GenericData.Record(threeDigits);
    GenericRecord valid = TestEvents.record(BronzeStream.PAYMENT, 1);
    threeDigits.getFields().forEach(f -> r.put(f.name(), valid.get(f.name())));
    r.put("payment_value", new BigDecimal("12.345"));
    DecodeResult<byte[]> result = decoder.decode(PAYMENT, KEY, serialize("milli-payments", r));
    assertDeadLetter(result, DeadLetterReason.OUT_OF_CONTRACT,
        "payment_value: written as decimal(12,3), the contract says decimal(12,2)");
  }

  @Test
  void aTopicThatIsNotABronzeTopic() {
    DecodeResult<byte[]> r = decoder.decode("orders", KEY, new byte[] {0, 0, 0, 0, 1});
    assertDeadLetter(r, DeadLetterReason.UNKNOWN_TOPIC, "'orders' is not one of the bronze topics");
    assertNull(r.stream());
  }

  @Test
  void anUnreachableRegistryFailsInsteadOfDeadLettering() {
    SchemaRegistryClient nowhere = new SchemaRegistryClient(
        registry.config().withOverrides(Map.of("registry.port", "1")).get("registry.url"));
    RecordDecoder cut = new RecordDecoder(nowhere, TOPICS);
    byte[] good = serialize(PAYMENT, TestEvents.record(BronzeStream.PAYMENT, 1));
    SerializationException e = assertThrows(SerializationException.class, () -> cut.decode(PAYMENT, KEY, good));
    assertFalse(e instanceof WireFormatException, e.toString());
  }

  private static void assertDeadLetter(DecodeResult<?> r, DeadLetterReason reason, String messagePart) {
    assertTrue(r.isDeadLetter(), "expected a dead letter " + reason);
    assertEquals(reason, r.reason(), r.errorMessage());
    assertNull(r.encoded());
    assertTrue(r.errorMessage().contains(messagePart), r.errorMessage());
    assertTrue(r.errorClass().contains("."), r.errorClass());
  }

  private static GenericRecord readContract(BronzeStream stream, byte[] avro) throws IOException {
    Schema contract = BronzeContracts.schema(stream);
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    return new GenericDatumReader<GenericRecord>(contract, contract, data)
        .read(null, DecoderFactory.get().binaryDecoder(avro, null));
  }

  @Test
  void schemaIdIsReadOnlyFromFramedPayloads() {
    assertEquals(258, RecordDecoder.schemaIdOrNull(new byte[] {0, 0, 0, 1, 2}));
    assertNull(RecordDecoder.schemaIdOrNull(new byte[] {1, 0, 0, 1, 2}));
    assertNull(RecordDecoder.schemaIdOrNull(new byte[] {0, 0}));
    assertNull(RecordDecoder.schemaIdOrNull(null));
    assertArrayEquals(new byte[] {0, 0, 0, 1, 2, 9}, ConfluentWireFormat.frame(258, new byte[] {9}));
  }
}
