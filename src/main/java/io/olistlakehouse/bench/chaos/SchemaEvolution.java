package io.olistlakehouse.bench.chaos;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.replay.BronzeRecords;
import io.olistlakehouse.replay.DerivationSettings;
import io.olistlakehouse.replay.EventStream;
import io.olistlakehouse.replay.ReplayEvent;
import io.olistlakehouse.replay.ReplayProducers;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.serde.ConfluentAvroSerializer;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.serde.SchemaRegistryException;
import io.olistlakehouse.source.OrderSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code evolution} scenario. Mid-stream, a producer of product events moves to the next version of the product
 * contract, one more optional field ({@value #NEW_FIELD}), and sends the first products again with it (duplicates,
 * which silver keeps once) while the replay goes on writing the old version. Bronze must grow a column for the field
 * that holds each evolved record's value, and null for every other record. Then a version that turns
 * {@value #RETYPED_FIELD} into a string is offered: the registry must refuse it (BACKWARD: the new version could not
 * read the records already written), with its error, and keep the subject's versions as they were.
 */
final class SchemaEvolution {

  static final BronzeStream STREAM = BronzeStream.PRODUCT;
  static final String NEW_FIELD = "brand";
  static final String RETYPED_FIELD = "weight_g";
  private static final int EVOLVED_RECORDS = 3;
  private static final int CONFLICT = 409;

  /**
   * What was sent and what the registry answered.
   *
   * @param injected the evolved records, which bronze lands on top of the source's truth
   * @param midStream whether the replay was still writing the old version when they were sent
   * @param versions the subject's versions after the compatible one was registered
   * @param versionsAfterRefusal the subject's versions after the incompatible one was offered
   * @param refusal the registry's error for the incompatible version; null if it was accepted
   */
  record Outcome(String subject, BadInput.Injected injected, boolean midStream, int versions,
      int versionsAfterRefusal, String refusal) {

    String describe() {
      return String.format("chaos: schema evolution on %s: %d %s events sent with the new optional field '%s' (%s), "
          + "%d versions; the version retyping '%s' was %s", subject, injected.landed(STREAM), STREAM.streamName(),
          NEW_FIELD, midStream ? "mid-stream" : "after the replay ended", versions, RETYPED_FIELD,
          refusal == null ? "ACCEPTED" : "refused: " + refusal);
    }
  }

  private final LakehouseConfig run;
  private final ReplayTopics topics;

  SchemaEvolution(LakehouseConfig run, ReplayTopics topics) {
    this.run = run;
    this.topics = topics;
  }

  Outcome inject(OrderSource source, boolean midStream) {
    Schema contract = BronzeContracts.schema(STREAM);
    Schema evolved = evolved(contract);
    String topic = topics.topic(STREAM);
    String subject = BronzeTopics.valueSubject(topic);
    SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(run);
    ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry); // registers the new version
    long now = System.currentTimeMillis();
    long sent = 0;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ReplayProducers.tuning(run),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      for (ReplayEvent event : firstProducts(source)) {
        GenericRecord old = BronzeRecords.of(event, now);
        GenericRecord record = new GenericData.Record(evolved);
        contract.getFields().forEach(f -> record.put(f.name(), old.get(f.name())));
        record.put(NEW_FIELD, "chaos-brand-" + (++sent));
        producer.send(new ProducerRecord<>(topic, event.key().getBytes(StandardCharsets.UTF_8),
            serializer.serialize(topic, record)));
      }
      producer.flush();
    }
    int versions = registry.versions(subject).size();
    String refusal = null;
    try {
      registry.register(subject, retyped(evolved));
    } catch (SchemaRegistryException e) {
      if (e.status() != CONFLICT) {
        throw e;
      }
      refusal = e.getMessage();
    }
    BadInput.Injected injected = new BadInput.Injected(Map.of(STREAM, sent), Map.of(), 0, 0, 0, 0, 0);
    return new Outcome(subject, injected, midStream, versions, registry.versions(subject).size(), refusal);
  }

  /**
   * Bronze has the column with each evolved record's value, the evolved records were sent while the old version was
   * still being written, the registry refused the incompatible version and kept its versions.
   */
  static List<TruthAudit.Check> checks(SparkSession spark, TruthAudit.Tables tables, Outcome outcome) {
    String table = tables.bronze(STREAM.streamName());
    boolean hasColumn = Arrays.asList(spark.table(table).columns()).contains(NEW_FIELD);
    long filled = !hasColumn ? 0 : spark.sql("SELECT count(" + NEW_FIELD + ") FROM " + table).first().getLong(0);
    String shown = tables.shown(table);
    String registry = "registry " + outcome.subject().substring(outcome.subject().indexOf(STREAM.streamName()));
    return List.of(
        TruthAudit.equal(shown, "rows with " + NEW_FIELD, outcome.injected().landed(STREAM), filled),
        TruthAudit.equal(shown, "evolved mid-stream", 1, outcome.midStream() ? 1 : 0),
        TruthAudit.equal(registry, "retyped refused", 1, outcome.refusal() == null ? 0 : 1),
        TruthAudit.equal(registry, "versions", outcome.versions(), outcome.versionsAfterRefusal()));
  }

  private List<ReplayEvent> firstProducts(OrderSource source) {
    List<ReplayEvent> products = new ArrayList<>();
    EventStream events = new EventStream(source, DerivationSettings.fromConfig(run));
    while (events.hasNext() && products.size() < EVOLVED_RECORDS) {
      ReplayEvent e = events.next();
      if (e.stream() == STREAM) {
        products.add(e);
      }
    }
    return products;
  }

  /** The contract's next version: its fields, then {@value #NEW_FIELD}, optional. */
  static Schema evolved(Schema contract) {
    List<Schema.Field> fields = new ArrayList<>();
    contract.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(new Schema.Field(NEW_FIELD, Schema.createUnion(Schema.create(Schema.Type.NULL),
        Schema.create(Schema.Type.STRING)), "Brand, added by the producer's next version.", JsonProperties.NULL_VALUE));
    return withFields(contract, fields);
  }

  /** The version after {@code evolved} as a careless producer would write it: one field's type changed. */
  static Schema retyped(Schema evolved) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : evolved.getFields()) {
      fields.add(f.name().equals(RETYPED_FIELD)
          ? new Schema.Field(f.name(), Schema.create(Schema.Type.STRING), f.doc())
          : new Schema.Field(f, f.schema()));
    }
    return withFields(evolved, fields);
  }

  private static Schema withFields(Schema like, List<Schema.Field> fields) {
    return Schema.createRecord(like.getName(), like.getDoc(), like.getNamespace(), false, fields);
  }
}
