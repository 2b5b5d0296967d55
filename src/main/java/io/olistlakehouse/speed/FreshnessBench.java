package io.olistlakehouse.speed;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.kafka.KafkaTopics;
import io.olistlakehouse.serde.ConfluentAvroSerializer;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * Freshness of the speed layer under sustained load: the speed job runs continuously on its own topics, tables and
 * checkpoint (named after the run) while {@link FreshnessLoad} produces at the given rate; {@link FreshnessProbe}
 * measures produce-to-visible for sampled orders. Prints p50/p95/p99 and appends them to
 * {@code <bench.dir>/freshness.tsv}. The run's topics are deleted at the end; its tables stay.
 */
public final class FreshnessBench {

  /** What to run: rate (events/s), measured duration after the warm-up, and sampling. */
  public record Plan(long rate, Duration duration, Duration warmup, int sampleEvery, long pollMillis) {}

  private final LakehouseConfig config;
  private final PrintStream out;

  public FreshnessBench(LakehouseConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public Percentiles run(Plan plan) throws Exception {
    String runId = "fresh" + Instant.now().getEpochSecond();
    LakehouseConfig speed = config.withOverrides(Map.of(
        "speed.topic.prefix", "bench-" + runId + ".",
        "speed.namespace", "bench_" + runId,
        "speed.checkpoint.dir", config.getPath("work.dir").resolve("checkpoints/bench-" + runId).toString()));
    SpeedSettings settings = SpeedSettings.from(speed);
    List<String> topics = SpeedEventFrames.topics(settings);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.bootstrapServers()))) {
      createTopics(admin, topics);
      try {
        return measure(plan, runId, speed, settings);
      } finally {
        admin.deleteTopics(topics).all().get();
      }
    }
  }

  private Percentiles measure(Plan plan, String runId, LakehouseConfig speed, SpeedSettings settings)
      throws Exception {
    try (SparkSession spark = SparkSessionFactory.create(speed, JobManifest.load(speed, SpeedMain.JOB));
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(settings),
            new ByteArraySerializer(), new ByteArraySerializer())) {
      SpeedJob job = new SpeedJob(spark, settings);
      StreamingQuery query = job.start(false, out::println);
      FreshnessProbe probe = new FreshnessProbe(spark, job.tables().name(SpeedTables.ORDER_DELIVERY),
          plan.pollMillis());
      Thread probing = new Thread(probe, "freshness-probe");
      probing.start();
      out.printf("run %s: %d events/s for %d s (+%d s warm-up), speed trigger every %d ms%n", runId, plan.rate(),
          plan.duration().toSeconds(), plan.warmup().toSeconds(), settings.triggerInterval().toMillis());
      ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(new SchemaRegistryClient(
          settings.registryUrl()));
      FreshnessLoad.Sent sent = new FreshnessLoad(producer, serializer, settings.topics())
          .run(runId, plan.rate(), plan.duration().plus(plan.warmup()), plan.warmup(), plan.sampleEvery(),
              probe::sample);
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (probe.pending() > 0 && System.nanoTime() < deadline && query.isActive()) {
        Thread.sleep(200);
      }
      probe.stop();
      probing.join();
      query.stop();
      Percentiles p = new Percentiles(probe.latenciesMs());
      String line = String.format("sent %d events at %.0f events/s; %d samples visible (%d never seen): "
          + "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", sent.events(), sent.rate(), p.count(), probe.pending(),
          p.at(50), p.at(95), p.at(99), p.max());
      out.println(line);
      append(runId, plan, sent, p, probe.pending(), settings);
      return p;
    }
  }

  private void createTopics(Admin admin, List<String> topics) {
    int partitions = config.getInt("kafka.default.partitions");
    short replication = (short) config.getInt("kafka.default.replication.factor");
    for (String topic : topics) {
      KafkaTopics.ensure(admin, new NewTopic(topic, partitions, replication), Duration.ofSeconds(60));
    }
  }

  private Map<String, Object> producerConfig(SpeedSettings settings) {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, config.getInt("bench.freshness.linger.ms"));
  }

  private void append(String runId, Plan plan, FreshnessLoad.Sent sent, Percentiles p, int unseen,
      SpeedSettings settings) throws IOException {
    Path file = config.getPath("bench.dir").resolve("freshness.tsv");
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.writeString(file, String.join("\t", "run", "at", "target_rate", "achieved_rate", "seconds", "samples",
          "unseen", "p50_ms", "p95_ms", "p99_ms", "max_ms", "trigger_ms") + "\n");
    }
    String row = List.of(runId, Instant.now().toString(), Long.toString(plan.rate()),
        String.format("%.0f", sent.rate()), Long.toString(plan.duration().toSeconds()), Integer.toString(p.count()),
        Integer.toString(unseen), Long.toString(p.at(50)), Long.toString(p.at(95)), Long.toString(p.at(99)),
        Long.toString(p.max()), Long.toString(settings.triggerInterval().toMillis()))
        .stream().collect(Collectors.joining("\t"));
    Files.writeString(file, row + "\n", StandardOpenOption.APPEND);
    out.println("appended to " + file);
  }
}
