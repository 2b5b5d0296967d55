package io.olistlakehouse.bronze.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.bronze.BronzeTables;
import io.olistlakehouse.bronze.IsolatedIngest;
import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.BronzeColumns;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.serde.ConfluentWireFormat;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.testing.TestEventProducer;
import io.olistlakehouse.testing.TestEvents;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestPlatform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;

/**
 * Dead letters replayed through the real pipeline. Payments written with a schema id the registry does not have yet
 * go to the dead letters; once that schema is registered, {@code bin/lakehouse dlq replay} lands each of them in
 * bronze exactly once and the counts reconcile; a second replay changes nothing. Records that cannot decode whatever
 * is registered fail again and stay dead letters, one attempt higher.
 */
class DeadLetterReplayIT {

  private static final int VALID = 300;
  private static final int LATE_SCHEMA = 40;
  private static final int HOPELESS = 5;

  @Test
  void lettersLandOnceAfterTheirSchemaIsRegisteredAndASecondReplayChangesNothing() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    IsolatedIngest ingest = IsolatedIngest.create(fixture, "dlq_replay");
    String paymentTopic = ingest.topics().topic(BronzeStream.PAYMENT);
    SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(fixture.config());
    Schema widened = withOptionalNote(BronzeContracts.schema(BronzeStream.PAYMENT));
    int unknownId;
    try (TestEventProducer producer = new TestEventProducer(ingest.config(), ingest.topics()).ensureTopics()) {
      for (long n = 0; n < VALID; n++) {
        producer.send(BronzeStream.PAYMENT, TestEvents.key(BronzeStream.PAYMENT, n),
            TestEvents.record(BronzeStream.PAYMENT, n), Instant.now());
      }
      // After the contract's own registration, which may have taken the next id.
      unknownId = nextSchemaId(registry);
      for (long n = 0; n < LATE_SCHEMA; n++) {
        producer.send(paymentTopic, ("late-schema-" + n).getBytes(StandardCharsets.UTF_8),
            ConfluentWireFormat.frame(unknownId, avro(widened, VALID + n)), Instant.now());
      }
      for (int n = 0; n < HOPELESS; n++) {
        producer.send(paymentTopic, ("hopeless-" + n).getBytes(StandardCharsets.UTF_8), new byte[] {9, 9},
            Instant.now());
      }
      producer.flush();
    }
    ingestOnce(fixture, ingest);
    assertEquals(VALID, rows(ingest, BronzeStream.PAYMENT));
    DeadLetterReplay replay = new DeadLetterReplay(ingest.config());
    assertEquals(LATE_SCHEMA, replay.list(new DeadLetterReplay.Filter("UNKNOWN_SCHEMA_ID", "payment")).size(),
        () -> "the late-schema payments are dead letters: " + replay.list(new DeadLetterReplay.Filter(null, null))
            .stream().map(l -> l.letter().stream() + " " + l.letter().reason()).distinct().toList());

    assertEquals(unknownId, registry.register(paymentTopic + "-value", widened),
        "the registry gives the widened schema the id the letters carry");
    TestLauncher.Result first = TestLauncher.run(fixture, ingest.env(Map.of()), "dlq", "replay", "--reason",
        "unknown_schema_id");
    assertEquals(0, first.exitCode(), first.stderr());
    assertTrue(first.stdout().contains("replayed " + LATE_SCHEMA + " dead letters; 0 replayed before"), first.stdout());
    ingestOnce(fixture, ingest);

    List<DeadLetterReplay.LetterState> letters = replay.list(new DeadLetterReplay.Filter(null, null));
    assertEquals(LATE_SCHEMA + HOPELESS, letters.size(), "the letters stay, marked");
    assertTrue(letters.stream().filter(l -> l.letter().reason().equals("UNKNOWN_SCHEMA_ID"))
        .allMatch(l -> l.replayed() && l.mark().attempt() == 1 && l.mark().topic().equals(paymentTopic)),
        "each late-schema letter marked with its replay and new position");
    Map<String, Integer> landed = rowsAtReplayedPositions(ingest, replay);
    assertEquals(LATE_SCHEMA, landed.size());
    assertTrue(landed.values().stream().allMatch(n -> n == 1), "each replayed letter in bronze exactly once: "
        + landed);
    assertEquals(VALID + LATE_SCHEMA, rows(ingest, BronzeStream.PAYMENT), "bronze = valid + replayed");

    long snapshot = snapshotId(ingest, BronzeStream.PAYMENT);
    TestLauncher.Result second = TestLauncher.run(fixture, ingest.env(Map.of()), "dlq", "replay", "--reason",
        "UNKNOWN_SCHEMA_ID");
    assertTrue(second.stdout().contains("replayed 0 dead letters; " + LATE_SCHEMA + " replayed before"),
        second.stdout());
    ingestOnce(fixture, ingest);
    assertEquals(snapshot, snapshotId(ingest, BronzeStream.PAYMENT), "a second replay adds nothing to bronze");

    TestLauncher.Result hopeless = TestLauncher.run(fixture, ingest.env(Map.of()), "dlq", "replay", "--reason",
        "NOT_WIRE_FORMAT");
    assertTrue(hopeless.stdout().contains("replayed " + HOPELESS + " dead letters"), hopeless.stdout());
    ingestOnce(fixture, ingest);
    List<DeadLetterReplay.LetterState> again = replay.list(new DeadLetterReplay.Filter("NOT_WIRE_FORMAT", null));
    assertEquals(2 * HOPELESS, again.size(), "a letter that fails again is a dead letter again");
    assertEquals(HOPELESS, again.stream().filter(l -> !l.replayed() && l.attempt() == 2).count(),
        "the new letters wait, at attempt 2: " + again);
    TestLauncher.Result list = TestLauncher.run(fixture, ingest.env(Map.of()), "dlq", "list");
    assertTrue(list.stdout().contains(LATE_SCHEMA + HOPELESS * 2 + " dead letters, " + HOPELESS + " waiting"),
        list.stdout());
  }

  private static void ingestOnce(TestPlatform fixture, IsolatedIngest ingest) {
    TestLauncher.Result r = TestLauncher.run(fixture, ingest.env(Map.of()), "ingest", "--once");
    assertEquals(0, r.exitCode(), r.stderr());
  }

  /** The id the registry gives the next new schema: one above the highest it has. */
  private static int nextSchemaId(SchemaRegistryClient registry) {
    int id = 1;
    while (true) {
      try {
        registry.schemaById(id);
        id++;
      } catch (RuntimeException unknown) {
        return id;
      }
    }
  }

  /** The payment contract with one more field, optional: a compatible change a producer made before registering. */
  private static Schema withOptionalNote(Schema contract) {
    List<Schema.Field> fields = new ArrayList<>();
    contract.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(new Schema.Field("payment_note", Schema.createUnion(Schema.create(Schema.Type.NULL),
        Schema.create(Schema.Type.STRING)), "added by the producer", Schema.Field.NULL_DEFAULT_VALUE));
    return Schema.createRecord(contract.getName(), contract.getDoc(), contract.getNamespace(), false, fields);
  }

  private static byte[] avro(Schema schema, long n) throws IOException {
    GenericRecord contract = TestEvents.record(BronzeStream.PAYMENT, n);
    GenericRecord record = new GenericData.Record(schema);
    contract.getSchema().getFields().forEach(f -> record.put(f.name(), contract.get(f.name())));
    record.put("payment_note", "late " + n);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    GenericData decimals = new GenericData();
    decimals.addLogicalTypeConversion(new Conversions.DecimalConversion());
    new GenericDatumWriter<GenericRecord>(schema, decimals).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static long rows(IsolatedIngest ingest, BronzeStream stream) {
    return withTable(ingest, stream, t -> Long.parseLong(t.currentSnapshot().summary().get("total-records")));
  }

  private static long snapshotId(IsolatedIngest ingest, BronzeStream stream) {
    return withTable(ingest, stream, t -> t.currentSnapshot().snapshotId());
  }

  /** How many bronze payment rows sit at each position the marks gave the replayed letters. */
  private static Map<String, Integer> rowsAtReplayedPositions(IsolatedIngest ingest, DeadLetterReplay replay) {
    Map<String, Integer> positions = new HashMap<>();
    replay.list(new DeadLetterReplay.Filter("UNKNOWN_SCHEMA_ID", null))
        .forEach(l -> positions.put(l.mark().replayId(), 0));
    withTable(ingest, BronzeStream.PAYMENT, t -> {
      try (CloseableIterable<Record> rows = IcebergGenerics.read(t).build()) {
        for (Record r : rows) {
          String at = DeadLetter.id((String) r.getField(BronzeColumns.KAFKA_TOPIC),
              (Integer) r.getField(BronzeColumns.KAFKA_PARTITION), (Long) r.getField(BronzeColumns.KAFKA_OFFSET));
          positions.computeIfPresent(at, (k, n) -> n + 1);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
    return positions;
  }

  private static <T> T withTable(IsolatedIngest ingest, BronzeStream stream,
      java.util.function.Function<Table, T> read) {
    Catalog catalog = IcebergCatalogs.open(ingest.config());
    try {
      return read.apply(catalog.loadTable(new BronzeTables(catalog, ingest.settings()).identifier(stream)));
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }
}
