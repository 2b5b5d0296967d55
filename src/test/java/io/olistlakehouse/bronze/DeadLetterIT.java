package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.contracts.decode.DeadLetterReason;
import io.olistlakehouse.serde.ConfluentAvroSerializer;
import io.olistlakehouse.serde.ConfluentWireFormat;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import io.olistlakehouse.streaming.StreamingRun;
import io.olistlakehouse.testing.TestEventProducer;
import io.olistlakehouse.testing.TestEvents;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestSpark;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Each kind of bad record, injected between good ones, ends up in dead_letter with its reason; the good land. */
class DeadLetterIT {

  private static final int GOOD_BEFORE = 3_000;
  private static final int GOOD_AFTER = 3_000;

  /** A bad record as sent, where Kafka put it, and what the dead letter must say. */
  private record Injected(String topic, byte[] key, byte[] value, DeadLetterReason reason, String messagePart,
      Future<RecordMetadata> sent) {}

  @Test
  void everyKindOfBadRecordIsDeadLetteredWhileTheGoodOnesAroundItLand() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    IsolatedIngest ingest = IsolatedIngest.create(fixture, "deadletter");
    BronzeTopics topics = ingest.topics();
    List<Injected> injected = new ArrayList<>();
    long total = GOOD_BEFORE + GOOD_AFTER;
    try (TestEventProducer producer = new TestEventProducer(ingest.config(), topics).ensureTopics()) {
      producer.sendValid(0, GOOD_BEFORE, total, Duration.ofDays(3));
      injectEveryKind(producer, ingest, injected);
      producer.sendValid(GOOD_BEFORE, GOOD_AFTER, total, Duration.ofDays(3));

      StreamingRun.Summary<IngestMicroBatchReport> summary = StreamingMain.run(ingest.config(),
          TestSpark.session(), IngestJob.LAYER, true, StreamingListener.silent());

      assertEquals(total + injected.size(), IngestMicroBatchReport.read(summary.microBatches()), summary.toString());
      assertEquals(injected.size(), IngestMicroBatchReport.deadLetters(summary.microBatches()), summary.toString());
      SparkSession spark = TestSpark.session();
      Map<String, Row> deadLetters = new HashMap<>();
      for (Row r : spark.sql("SELECT * FROM " + ingest.table("dead_letter")).collectAsList()) {
        deadLetters.put(coordinates(r.getAs("kafka_topic"), r.<Integer>getAs("kafka_partition"),
            r.<Long>getAs("kafka_offset")), r);
      }
      assertEquals(injected.size(), deadLetters.size());
      for (Injected bad : injected) {
        RecordMetadata where = bad.sent().get();
        Row row = deadLetters.get(coordinates(bad.topic(), where.partition(), where.offset()));
        assertNotNull(row, bad.reason() + " at " + where + " not in dead_letter");
        assertEquals(bad.reason().name(), row.getAs("reason"), bad.toString());
        String message = row.getAs("error_message");
        assertTrue(message.contains(bad.messagePart()), bad.reason() + ": " + message);
        assertTrue(((String) row.getAs("error_class")).startsWith("io.olistlakehouse."), row.toString());
        assertArrayEquals(bad.key(), (byte[]) row.getAs("kafka_key"), bad.reason().name());
        assertArrayEquals(bad.value(), (byte[]) row.getAs("kafka_value"), bad.reason().name());
        assertEquals(topics.streamOf(bad.topic()).orElseThrow().streamName(), row.getAs("stream"));
      }

      for (BronzeStream stream : BronzeStream.values()) {
        long landed = spark.sql("SELECT count(*) FROM " + ingest.table(stream.streamName())).first().getLong(0);
        assertEquals(producer.sent().get(stream), landed, stream.streamName());
      }
      BigDecimal expected = BigDecimal.ZERO;
      for (long n = 0; n < total; n++) {
        if (TestEventProducer.streamOf(n) == BronzeStream.PAYMENT) {
          expected = expected.add(TestEvents.money(n));
        }
      }
      assertEquals(expected, spark.sql("SELECT sum(payment_value) FROM " + ingest.table("payment")).first()
          .getDecimal(0), "payments landed exactly, to the cent");
    }
  }

  private static String coordinates(String topic, int partition, long offset) {
    return topic + "/" + partition + "@" + offset;
  }

  private static void injectEveryKind(TestEventProducer producer, IsolatedIngest ingest, List<Injected> out)
      throws Exception {
    SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(ingest.config());
    ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry);
    BronzeTopics topics = ingest.topics();
    String payments = topics.topic(BronzeStream.PAYMENT);
    String items = topics.topic(BronzeStream.ORDER_ITEM);
    byte[] key = "order-bad".getBytes(StandardCharsets.UTF_8);
    byte[] goodPayment = serializer.serialize(payments, TestEvents.record(BronzeStream.PAYMENT, 4));
    int paymentId = ConfluentWireFormat.schemaId(goodPayment);

    inject(producer, out, payments, key, "{\"order_id\":\"x\"}".getBytes(StandardCharsets.UTF_8),
        DeadLetterReason.NOT_WIRE_FORMAT, "bad magic byte 0x7b");
    inject(producer, out, items, key, new byte[] {0, 0, 1}, DeadLetterReason.NOT_WIRE_FORMAT, "shorter than 5 bytes");
    inject(producer, out, payments, key, ConfluentWireFormat.frame(987_654, new byte[] {2, 65}),
        DeadLetterReason.UNKNOWN_SCHEMA_ID, "unknown schema id 987654");
    inject(producer, out, payments, key, Arrays.copyOf(goodPayment, goodPayment.length - 4),
        DeadLetterReason.CORRUPT_BODY, "corrupt Avro body for schema id " + paymentId);
    inject(producer, out, payments, key, Arrays.copyOf(goodPayment, goodPayment.length + 3),
        DeadLetterReason.CORRUPT_BODY, "3 bytes left after the record");
    inject(producer, out, payments, key, serializer.serialize(ingest.name() + ".rogue", rogue()),
        DeadLetterReason.INCOMPATIBLE_SCHEMA, "cannot be read as reader schema io.olistlakehouse.bronze.Payment");
    inject(producer, out, items, key, serializer.serialize(ingest.name() + ".milli", itemWithThreeDecimals()),
        DeadLetterReason.OUT_OF_CONTRACT, "price: written as decimal(12,3), the contract says decimal(12,2)");
    byte[] tooWide = TestEvents.encodeWithRawDecimal(TestEvents.record(BronzeStream.PAYMENT, 4), "payment_value",
        BigInteger.TEN.pow(13));
    inject(producer, out, payments, key, ConfluentWireFormat.frame(paymentId, tooWide),
        DeadLetterReason.OUT_OF_CONTRACT, "does not fit table");
    inject(producer, out, payments, null, goodPayment, DeadLetterReason.MISSING_KEY, "without a key");
    inject(producer, out, topics.topic(BronzeStream.REVIEW), key, null, DeadLetterReason.MISSING_VALUE,
        "tombstone");
    producer.flush();
  }

  private static void inject(TestEventProducer producer, List<Injected> out, String topic, byte[] key, byte[] value,
      DeadLetterReason reason, String messagePart) {
    Future<RecordMetadata> sent = producer.send(topic, key, value, Instant.parse("2017-03-02T12:00:00Z"));
    out.add(new Injected(topic, key, value, reason, messagePart, sent));
  }

  /** A Payment whose order_id is a long: registered elsewhere, unreadable as the contract. */
  private static GenericRecord rogue() {
    Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":"
        + "\"io.olistlakehouse.bronze\",\"fields\":[{\"name\":\"order_id\",\"type\":\"long\"}]}");
    GenericRecord r = new GenericData.Record(schema);
    r.put("order_id", 17L);
    return r;
  }

  /** An order item whose money has three decimals: Avro would resolve it silently, ten times too large. */
  private static GenericRecord itemWithThreeDecimals() {
    Schema schema = new Schema.Parser().parse(BronzeContracts.schema(BronzeStream.ORDER_ITEM).toString()
        .replace("\"precision\":12,\"scale\":2", "\"precision\":12,\"scale\":3"));
    GenericRecord valid = TestEvents.record(BronzeStream.ORDER_ITEM, 5);
    GenericRecord r = new GenericData.Record(schema);
    schema.getFields().forEach(f -> r.put(f.name(), valid.get(f.name())));
    r.put("price", new BigDecimal("10.125"));
    r.put("freight_value", new BigDecimal("1.500"));
    return r;
  }
}
