package io.olistlakehouse.bench;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.replay.Pacing;
import io.olistlakehouse.replay.ReplayOutcome;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.replay.Replayer;
import io.olistlakehouse.replay.SendListener;
import io.olistlakehouse.source.OrderSource;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.speed.SpeedJob;
import io.olistlakehouse.speed.SpeedMicroBatchReport;
import io.olistlakehouse.speed.SpeedSettings;
import io.olistlakehouse.speed.SpeedTables;
import io.olistlakehouse.streaming.StreamingJob;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingRun;
import io.olistlakehouse.streaming.StreamingSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Freshness of the speed layer under a sustained replay: the speed job runs continuously on fresh topics, tables and
 * checkpoint while the replayer publishes a synthetic set at a fixed rate ({@code replay --rate}). For every n-th
 * order after the warm-up, the moment its purchase event is handed to the producer is the start, and the first fresh
 * read of speed.order_delivery that shows the order is the end; so the figure includes the replay's transaction
 * commit, the speed batch and the Iceberg commit. Prints p50/p95/p99 and appends them to
 * {@code <bench.dir>/freshness.tsv}; the run's topics, tables and checkpoint are removed afterwards.
 */
public final class FreshnessBench {

  /** What to run: rate (events/s), synthetic orders to replay, warm-up, sampling and the probe's poll interval. */
  public record Plan(long rate, long orders, Duration warmup, int sampleEvery, long pollMillis) {}

  /** How long sampled orders may stay unseen after the replay ended before they are reported as never seen. */
  private static final Duration DRAIN = Duration.ofSeconds(120);

  private final LakehouseConfig config;
  private final PrintStream out;

  public FreshnessBench(LakehouseConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public Percentiles run(Plan plan, OrderSource source, Map<String, Object> sourceParameters) throws Exception {
    Instant started = Instant.now();
    double load = BenchRuns.loadAverage();
    BenchRuns.Scratch scratch = new BenchRuns.Scratch("fresh", BenchRuns.stamp(started));
    String prefix = scratch.topicPrefix();
    LakehouseConfig run = config.withOverrides(Map.of(
        "replay.topic.prefix", prefix,
        "speed.topic.prefix", prefix,
        "speed.namespace", scratch.namespace(),
        "speed.checkpoint.dir", scratch.checkpointDir(config),
        "replay.transaction.max.ms", config.get("bench.freshness.transaction.max.ms")));
    ReplayTopics topics = ReplayTopics.fromConfig(run);
    StreamingSettings settings = StreamingSettings.from(run, SpeedSettings.KEY_PREFIX);
    createTopics(run, topics);
    Catalog catalog = IcebergCatalogs.open(run);
    try (SparkSession spark = SparkSessionFactory.create(run, JobManifest.load(run, SpeedJob.LAYER.jobName()));
        StreamingJob<SpeedMicroBatchReport> job = SpeedJob.LAYER.open(run, spark, false)) {
      try {
        TriggerPhases phases = new TriggerPhases(System.currentTimeMillis() + plan.warmup().toMillis());
        spark.streams().addListener(phases);
        StreamingRun<SpeedMicroBatchReport> running = StreamingRun.start(job, false, new StreamingListener<>() {
          @Override
          public void microBatch(SpeedMicroBatchReport report) {
            out.println("speed " + report);
          }
        });
        FreshnessProbe probe = new FreshnessProbe(catalog,
            TableIdentifier.of(settings.namespace(), SpeedTables.ORDER_DELIVERY), plan.pollMillis());
        Thread probing = new Thread(probe, "freshness-probe");
        probing.start();
        out.printf(Locale.ROOT, "== replay --rate %d of %,d synthetic orders into %s*; speed trigger every %d ms, "
                + "replay transactions every %s ms%n", plan.rate(), plan.orders(), prefix,
            settings.triggerInterval().toMillis(), run.get("replay.transaction.max.ms"));
        ReplayOutcome replay = new Replayer(run, topics, Pacing.rate(plan.rate()), System.err)
            .listening(new PurchaseSampler(plan, probe, System.nanoTime()))
            .run(source);
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (probe.pending() > 0 && System.nanoTime() < deadline && running.query().isActive()) {
          Thread.sleep(200);
        }
        probe.stop();
        probing.join();
        running.stop();
        if (probe.latenciesMs().isEmpty()) {
          throw new IllegalStateException("no order was sampled after the " + plan.warmup().toSeconds() + " s "
              + "warm-up (the replay took " + Math.round(replay.elapsedNanos() / 1e9) + " s): replay more orders "
              + "(--orders) or lower bench.freshness.warmup.seconds");
        }
        Percentiles p = new Percentiles(probe.latenciesMs());
        out.println("== speed triggers after the warm-up: " + phases.summary());
        out.printf(Locale.ROOT, "== replayed %,d events at %,.0f events/s; %d sampled orders visible (%d never "
                + "seen): p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", replay.published(),
            replay.eventsPerSecond(), p.count(), probe.pending(), p.at(50), p.at(95), p.at(99), p.max());
        BenchResultsFile results = new BenchResultsFile(config.getPath("bench.dir").resolve("freshness.tsv"));
        results.append(BenchResultsFile.row(row(started, load, sourceParameters, plan, replay, p, probe.pending(),
            settings, run)));
        out.println("appended to " + results.path());
        return p;
      } finally {
        BenchRuns.dropNamespace(catalog, settings.namespace(), out);
        BenchRuns.deleteTopics(run, topics.allTopics(), out);
        BenchRuns.deleteDirectory(settings.checkpointDir(), out);
      }
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  /** The speed job subscribes before the replay starts, so the topics must exist first. */
  private static void createTopics(LakehouseConfig run, ReplayTopics topics) {
    Duration timeout = Duration.ofSeconds(run.getLong("replay.kafka.timeout.seconds"));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        run.get("kafka.bootstrap.servers")))) {
      topics.ensure(admin, run, timeout);
    }
  }

  /** Every n-th purchase sent after the warm-up becomes a sample: its order id and the moment it was sent. */
  private static final class PurchaseSampler implements SendListener {
    private final Plan plan;
    private final FreshnessProbe probe;
    private final long warmupEndsNanos;
    private long purchases;

    PurchaseSampler(Plan plan, FreshnessProbe probe, long startNanos) {
      this.plan = plan;
      this.probe = probe;
      this.warmupEndsNanos = startNanos + plan.warmup().toNanos();
    }

    @Override
    public void sent(BronzeStream stream, byte[] key, boolean opensOrder) {
      if (opensOrder && purchases++ % plan.sampleEvery() == 0) {
        long now = System.nanoTime();
        if (now >= warmupEndsNanos) {
          probe.sample(new String(key, StandardCharsets.UTF_8), now);
        }
      }
    }
  }

  private Map<String, Object> row(Instant started, double load, Map<String, Object> sourceParameters, Plan plan,
      ReplayOutcome replay, Percentiles p, int unseen, StreamingSettings settings, LakehouseConfig run) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("date", started.toString());
    row.putAll(sourceParameters);
    row.put("load_avg_1m", BenchRuns.formatLoad(load));
    row.put("target_rate", plan.rate());
    row.put("achieved_rate", String.format(Locale.ROOT, "%.0f", replay.eventsPerSecond()));
    row.put("events", replay.published());
    row.put("samples", p.count());
    row.put("unseen", unseen);
    row.put("p50_ms", p.at(50));
    row.put("p95_ms", p.at(95));
    row.put("p99_ms", p.at(99));
    row.put("max_ms", p.max());
    row.put("speed_trigger_ms", settings.triggerInterval().toMillis());
    row.put("replay_tx_ms", run.get("replay.transaction.max.ms"));
    return row;
  }
}
