package io.olistlakehouse.bronze.dlq;

import io.olistlakehouse.bronze.BronzeTables;
import io.olistlakehouse.bronze.IngestSettings;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.platform.kafka.CommittedRecords;
import io.olistlakehouse.platform.kafka.KafkaClients;
import io.olistlakehouse.platform.kafka.KafkaClients.Role;
import io.olistlakehouse.platform.kafka.KafkaTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Dead letters back through the pipeline once their cause is fixed (a schema registered late, a contract widened):
 * each letter's original key and value are published again to the topic it came from, so the ingest decodes them
 * like any record. A letter is replayed at most once: its mark (replay time, attempt, new position) goes to a
 * compacted topic in the same Kafka transaction as its bytes, so both are written or neither is, and a replay skips
 * marked letters. A replayed record that fails again becomes a new dead letter, its attempt one higher.
 */
public final class DeadLetterReplay {

  /** Which letters: those of a reason and/or a stream; null matches any. */
  public record Filter(String reason, String stream) {
    boolean matches(DeadLetter letter) {
      return (reason == null || reason.equals(letter.reason())) && (stream == null || stream.equals(letter.stream()));
    }
  }

  /** A letter as {@code dlq list} shows it: which attempt of its record it is, and its mark once replayed. */
  public record LetterState(DeadLetter letter, int attempt, ReplayMark mark) {
    public boolean replayed() {
      return mark != null;
    }
  }

  /** What a replay did: letters published again, and matching letters skipped as replayed before. */
  public record Outcome(int replayed, int alreadyReplayed) {}

  private static final String LETTER_HEADER = "lakehouse-dead-letter";

  private final LakehouseConfig config;
  private final IngestSettings settings;
  private final String marksTopic;

  public DeadLetterReplay(LakehouseConfig config) {
    this.config = config;
    this.settings = IngestSettings.from(config);
    this.marksTopic = settings.stream().topicPrefix() + config.get("dlq.replay.topic");
  }

  public String marksTopic() {
    return marksTopic;
  }

  /** The letters that match, oldest first per topic and partition, with their attempts and marks. */
  public List<LetterState> list(Filter filter) {
    Map<String, ReplayMark> marks = marks();
    Map<String, ReplayMark> byReplayPosition = new HashMap<>();
    marks.values().forEach(m -> byReplayPosition.put(m.replayId(), m));
    List<LetterState> out = new ArrayList<>();
    for (DeadLetter letter : letters(filter)) {
      ReplayMark previous = byReplayPosition.get(letter.id());
      out.add(new LetterState(letter, previous == null ? 1 : previous.attempt() + 1, marks.get(letter.id())));
    }
    return out;
  }

  /** Publishes every matching letter not replayed before, in transactions of {@code dlq.replay.transaction.letters}. */
  public Outcome replay(Filter filter) {
    ensureMarksTopic();
    List<LetterState> letters = list(filter);
    List<LetterState> pending = letters.stream().filter(l -> !l.replayed()).toList();
    int chunk = config.getInt("dlq.replay.transaction.letters");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
      producer.initTransactions();
      for (int from = 0; from < pending.size(); from += chunk) {
        publish(producer, pending.subList(from, Math.min(pending.size(), from + chunk)));
      }
    }
    return new Outcome(pending.size(), letters.size() - pending.size());
  }

  private void publish(KafkaProducer<byte[], byte[]> producer, List<LetterState> letters) {
    producer.beginTransaction();
    try {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (LetterState state : letters) {
        DeadLetter letter = state.letter();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(letter.topic(), letter.key(), letter.value());
        record.headers().add(LETTER_HEADER, letter.id().getBytes(StandardCharsets.UTF_8));
        sent.add(producer.send(record));
      }
      producer.flush();
      long now = System.currentTimeMillis();
      for (int i = 0; i < letters.size(); i++) {
        RecordMetadata at = sent.get(i).get();
        LetterState state = letters.get(i);
        ReplayMark mark = new ReplayMark(state.letter().id(), now, state.attempt(), at.topic(), at.partition(),
            at.offset());
        producer.send(new ProducerRecord<>(marksTopic, mark.letter().getBytes(StandardCharsets.UTF_8), mark.toJson()));
      }
      producer.commitTransaction();
    } catch (Exception e) {
      producer.abortTransaction();
      throw new IllegalStateException("replaying " + letters.size() + " dead letters failed; none of them is marked, "
          + "a new replay publishes them again: " + e.getMessage(), e);
    }
  }

  /** Every committed mark, by letter id. */
  private Map<String, ReplayMark> marks() {
    Map<String, ReplayMark> marks = new HashMap<>();
    if (!topicExists()) {
      return marks;
    }
    CommittedRecords.forEach(KafkaClients.properties(config, Role.ADMIN), List.of(marksTopic), Duration.ofMinutes(2),
        r -> marks.put(new String(r.key(), StandardCharsets.UTF_8), ReplayMark.fromJson(r.value())));
    return marks;
  }

  private List<DeadLetter> letters(Filter filter) {
    Catalog catalog = IcebergCatalogs.open(config);
    try {
      BronzeTables tables = new BronzeTables(catalog, settings);
      if (!catalog.tableExists(tables.deadLetter())) {
        return List.of();
      }
      Table table = tables.load(tables.deadLetter());
      List<DeadLetter> letters = new ArrayList<>();
      try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
        for (Record row : rows) {
          DeadLetter letter = DeadLetter.fromRecord(row);
          if (filter.matches(letter)) {
            letters.add(letter);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + table.name(), e);
      }
      letters.sort(Comparator.comparing(DeadLetter::topic).thenComparingInt(DeadLetter::partition)
          .thenComparingLong(DeadLetter::offset));
      return letters;
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  private boolean topicExists() {
    try (Admin admin = admin()) {
      return admin.listTopics().names().get().contains(marksTopic);
    } catch (Exception e) {
      throw new IllegalStateException("cannot list Kafka's topics at " + settings.stream().bootstrapServers(), e);
    }
  }

  private void ensureMarksTopic() {
    try (Admin admin = admin()) {
      NewTopic topic = new NewTopic(marksTopic, 1, (short) config.getInt("kafka.default.replication.factor"))
          .configs(Map.of("cleanup.policy", "compact", "min.insync.replicas", config.get("kafka.min.insync.replicas")));
      KafkaTopics.ensure(admin, topic, Duration.ofSeconds(60));
    }
  }

  private Admin admin() {
    return Admin.create(KafkaClients.properties(config, Role.ADMIN));
  }

  private Properties producerProps() {
    // An operator's command: it writes the stream topics and its marks, which the jobs' principal may not.
    Properties p = KafkaClients.properties(config, Role.ADMIN);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // One id per marks topic: a second replay running at once fences the first instead of duplicating its letters.
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lakehouse-dlq-replay-" + marksTopic);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }
}
