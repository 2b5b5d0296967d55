package io.olistlakehouse.contracts.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.serde.ConfluentAvroSerializer;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.testing.TestEvents;
import io.olistlakehouse.testing.TestRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Readers widened by a newer registered version, against a real registry on an ephemeral port. */
class ReaderSchemasTest {

  private static final Schema PAYMENT = BronzeContracts.schema(BronzeStream.PAYMENT);

  /** The payment contract with one more field, as a producer's next version would have it. */
  static Schema paymentWith(String field) {
    return new Schema.Parser().parse(PAYMENT.toString().replaceFirst("]}$", "," + field + "]}"));
  }

  @Test
  void aFieldTheLatestVersionAddsIsReadAfterTheContractsFields() {
    Schema reader = ReaderSchemas.widen(PAYMENT,
        paymentWith("{\"name\":\"channel\",\"type\":[\"null\",\"string\"],\"default\":null}"));
    List<String> names = reader.getFields().stream().map(Schema.Field::name).toList();
    assertEquals(PAYMENT.getFields().size() + 1, names.size());
    assertEquals("channel", names.get(names.size() - 1));
    assertEquals(PAYMENT.getFullName(), reader.getFullName());
    for (Schema.Field field : PAYMENT.getFields()) {
      assertEquals(field.schema(), reader.getField(field.name()).schema(), field.name());
    }
  }

  @Test
  void aNewFieldWithoutDefaultIsReadAsOptional() {
    Schema reader = ReaderSchemas.widen(PAYMENT, paymentWith("{\"name\":\"channel\",\"type\":\"string\"}"));
    Schema.Field channel = reader.getField("channel");
    assertEquals(Schema.Type.UNION, channel.schema().getType());
    assertEquals(Schema.Type.NULL, channel.schema().getTypes().get(0).getType());
    assertTrue(channel.hasDefaultValue());
    assertNull(GenericData.get().getDefaultValue(channel));
  }

  @Test
  void aNewFieldOfANestedTypeIsLeftOutOfTheFlatBronzeRow() {
    Schema reader = ReaderSchemas.widen(PAYMENT, paymentWith("{\"name\":\"tags\",\"type\":{\"type\":\"array\","
        + "\"items\":\"string\"},\"default\":[]},{\"name\":\"channel\",\"type\":[\"null\",\"string\"],"
        + "\"default\":null}"));
    assertNull(reader.getField("tags"));
    assertEquals("channel", reader.getFields().get(reader.getFields().size() - 1).name());
  }

  @Test
  void aLatestVersionThatAddsNothingLeavesTheContract() {
    assertSame(PAYMENT, ReaderSchemas.widen(PAYMENT, PAYMENT));
    Schema fewer = Schema.createRecord(PAYMENT.getName(), null, PAYMENT.getNamespace(), false,
        PAYMENT.getFields().stream().skip(1).map(f -> new Schema.Field(f, f.schema())).toList());
    assertSame(PAYMENT, ReaderSchemas.widen(PAYMENT, fewer), "a dropped field stays: the contract is kept whole");
  }

  @Test
  void recordsOfBothVersionsLandInTheWidenedReader() throws Exception {
    try (TestRegistry registry = TestRegistry.start()) {
      SchemaRegistryClient client = SchemaRegistryClient.fromConfig(registry.config());
      BronzeTopics topics = new BronzeTopics("widen.");
      String topic = topics.topic(BronzeStream.PAYMENT);
      ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(client);
      GenericRecord before = TestEvents.record(BronzeStream.PAYMENT, 3);
      byte[] old = serializer.serialize(topic, before);
      assertEquals(Set.of(), ReaderSchemas.latest(client, topics).widenedStreams(), "only the contract so far");

      Schema next = paymentWith("{\"name\":\"channel\",\"type\":[\"null\",\"string\"],\"default\":null}");
      GenericRecord after = new GenericData.Record(next);
      PAYMENT.getFields().forEach(f -> after.put(f.name(), before.get(f.name())));
      after.put("channel", "app");
      byte[] evolved = serializer.serialize(topic, after);

      ReaderSchemas readers = roundTrip(ReaderSchemas.latest(client, topics));
      assertEquals(Set.of(BronzeStream.PAYMENT), readers.widenedStreams());
      RecordDecoder decoder = new RecordDecoder(client, topics, readers);
      byte[] key = "order-3".getBytes(StandardCharsets.UTF_8);
      DecodeResult<GenericRecord> landedAfter = decoder.decode(topic, key, evolved, (stream, r) -> r);
      DecodeResult<GenericRecord> landedBefore = decoder.decode(topic, key, old, (stream, r) -> r);
      assertFalse(landedAfter.isDeadLetter(), landedAfter.errorMessage());
      assertEquals("app", landedAfter.encoded().get("channel").toString());
      assertNull(landedBefore.encoded().get("channel"));
      assertEquals(before.get("payment_value"), landedBefore.encoded().get("payment_value"));
    }
  }

  private static ReaderSchemas roundTrip(ReaderSchemas readers) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(readers);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      ReaderSchemas copy = (ReaderSchemas) in.readObject();
      assertEquals(readers.key(), copy.key());
      return copy;
    }
  }
}
