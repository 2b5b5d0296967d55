package io.olistlakehouse.replay;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.platform.kafka.KafkaClients;
import io.olistlakehouse.platform.kafka.KafkaClients.Role;
import io.olistlakehouse.serde.ConfluentAvroSerializer;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.source.OrderSource;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;

/**
 * One replay run against Kafka: creates missing topics, registers the contracts, takes over the source's
 * transactional id (which fences a zombie and settles its open transaction), reads the committed position and
 * publishes the rest of the event stream. A completed replay publishes nothing.
 */
public final class Replayer {

  private final LakehouseConfig config;
  private final ReplayTopics topics;
  private final Pacing pacing;
  private final PrintStream progressOut;
  private BooleanSupplier stopRequested = () -> false;
  private SendListener listener = SendListener.NONE;

  public Replayer(LakehouseConfig config, ReplayTopics topics, Pacing pacing, PrintStream progressOut) {
    this.config = config;
    this.topics = topics;
    this.pacing = pacing;
    this.progressOut = progressOut;
  }

  /** Tells {@code sendListener} of every event as it is sent (see {@link SendListener}). */
  public Replayer listening(SendListener sendListener) {
    this.listener = sendListener;
    return this;
  }

  /** Stops sending once {@code stop} says so, committing what was sent: the replay can be resumed exactly there. */
  public Replayer stoppingWhen(BooleanSupplier stop) {
    this.stopRequested = stop;
    return this;
  }

  public ReplayOutcome run(OrderSource source) {
    DerivationSettings derivation = DerivationSettings.fromConfig(config);
    PublishSettings publish = PublishSettings.fromConfig(config);
    Duration timeout = Duration.ofSeconds(config.getLong("replay.kafka.timeout.seconds"));
    String fingerprint = source.fingerprint();
    String positionKey = PositionStore.key(fingerprint);
    Properties client = KafkaClients.properties(config, Role.REPLAYER);
    PositionStore positions = new PositionStore(client, topics.positionTopic(), timeout);
    Properties adminSettings = (Properties) client.clone();
    adminSettings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());

    try (Admin admin = Admin.create(adminSettings);
        KafkaProducer<byte[], byte[]> producer =
            ReplayProducers.create(config, ReplayProducers.transactionalId(config, fingerprint, topics.prefix()))) {
      topics.ensure(admin, config, timeout);
      ConfluentAvroSerializer values = registeredSerializer();
      initTransactions(producer, config.get("kafka.bootstrap.servers"));
      // Topic metadata now, not at the first send to each topic inside the timed loop.
      topics.eventTopics().forEach(producer::partitionsFor);
      Optional<ReplayPosition> stored = positions.load(admin, positionKey);
      stored.ifPresent(p -> checkSameDerivation(p, derivation));
      if (stored.isPresent() && stored.get().completed()) {
        ReplayPosition p = stored.get();
        return new ReplayOutcome(true, false, p.events(), 0, p.events(), Map.of(), 0, 0, 0, 0, 0, 0, p.clock());
      }
      long resumeAt = stored.map(ReplayPosition::events).orElse(0L);
      if (resumeAt > 0) {
        progressOut.printf(Locale.ROOT, "replay: resuming after %,d events committed earlier%n", resumeAt);
      }
      EventStream stream = new EventStream(source, derivation);
      if (!stream.skip(resumeAt)) {
        throw new ReplayException("the stored position says " + resumeAt + " events were published, but this "
            + "source yields only " + stream.released() + ": it is not the data the position was written for");
      }
      ReplayPublisher publisher = new ReplayPublisher(topics, values,
          new IngestJitter(derivation.jitterSeed(), derivation.jitterMaxMillis()), publish).listening(listener)
          .stoppingWhen(stopRequested);
      ProgressReporter progress = new ProgressReporter(progressOut, publish.progressIntervalMillis(),
          source.orderCount(), resumeAt);
      return publisher.publish(stream, resumeAt, new TransactionalSender(producer), pacing.pacer(config),
          (events, clock, completed) -> positions.record(positionKey,
              new ReplayPosition(fingerprint, derivation.describe(), events, clock, completed)),
          progress);
    }
  }

  /** Registers the nine contracts up front: a registry problem stops the replay before anything is sent. */
  private ConfluentAvroSerializer registeredSerializer() {
    SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(config);
    for (BronzeStream stream : BronzeStream.values()) {
      registry.register(BronzeTopics.valueSubject(topics.topic(stream)), BronzeContracts.schema(stream));
    }
    return new ConfluentAvroSerializer(registry);
  }

  private static void initTransactions(KafkaProducer<byte[], byte[]> producer, String bootstrap) {
    try {
      producer.initTransactions();
    } catch (KafkaException e) {
      throw new ReplayException("cannot start a Kafka transaction at " + bootstrap + " (is the platform up? "
          + "bin/lakehouse up): " + e.getMessage(), e);
    }
  }

  private static void checkSameDerivation(ReplayPosition stored, DerivationSettings now) {
    if (!stored.derivation().equals(now.describe())) {
      throw new ReplayException("these topics hold a replay of this source made with other derivation settings ("
          + stored.derivation() + "; now " + now.describe() + "): resuming would not continue the same stream. "
          + "Restore the settings or replay into other topics (replay.topic.prefix)");
    }
  }
}
