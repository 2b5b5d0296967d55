package io.olistlakehouse.bench;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.kafka.KafkaTopics;
import io.olistlakehouse.replay.Pacing;
import io.olistlakehouse.replay.ReplayOutcome;
import io.olistlakehouse.replay.ReplayProducers;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.replay.Replayer;
import io.olistlakehouse.source.OrderSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The replayer against Kafka's own producer benchmark on the same cluster in the same run: a --max replay into
 * fresh topics, then ProducerPerformance with the same record count, the same mean record size (key + value), acks=all
 * and the replayer's producer tuning, into a fresh topic of the same shape. Both rates and their ratio are printed
 * and appended to {@code <bench.dir>/replay.tsv}; the benchmark topics are deleted afterwards.
 */
public final class ReplayBench {

  public record Result(ReplayOutcome replay, double baselineRecordsPerSecond, double ratio, Path resultsFile) {}

  private final LakehouseConfig config;
  private final PrintStream out;

  public ReplayBench(LakehouseConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public Result run(OrderSource source, Map<String, Object> sourceParameters) {
    Instant started = Instant.now();
    double load = BenchRuns.loadAverage();
    String prefix = "bench-" + BenchRuns.stamp(started) + "-";
    ReplayTopics topics = new ReplayTopics(prefix, config.get("replay.position.topic"));
    String baselineTopic = prefix + "producer-performance";
    Duration timeout = Duration.ofSeconds(config.getLong("replay.kafka.timeout.seconds"));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.get("kafka.bootstrap.servers")))) {
      try {
        out.println("== replay --max into topics " + prefix + "*");
        ReplayOutcome replay = new Replayer(config, topics, Pacing.MAX, System.err).run(source);
        out.printf(Locale.ROOT, "replay: %,d events in %.1f s: %,.0f events/s (mean record %.1f bytes)%n",
            replay.published(), replay.elapsedNanos() / 1e9, replay.eventsPerSecond(), replay.meanRecordBytes());

        KafkaTopics.ensure(admin, ReplayTopics.eventTopic(baselineTopic, config), timeout);
        int recordSize = (int) Math.round(replay.meanRecordBytes());
        Properties tuning = ReplayProducers.tuning(config);
        out.println("== ProducerPerformance: " + replay.published() + " records of " + recordSize + " bytes into "
            + baselineTopic + " with " + new TreeMap<>(tuning));
        Path log = config.getPath("bench.dir").resolve("logs/producer-performance-" + BenchRuns.stamp(started) + ".log");
        ProducerPerformanceRun.Result baseline =
            ProducerPerformanceRun.run(baselineTopic, replay.published(), recordSize, tuning, log);
        out.println("ProducerPerformance: " + baseline.summary());

        double ratio = replay.eventsPerSecond() / baseline.recordsPerSecond();
        out.printf(Locale.ROOT, "== replay %,.0f events/s, ProducerPerformance %,.0f records/s: ratio %.2f%n",
            replay.eventsPerSecond(), baseline.recordsPerSecond(), ratio);
        BenchResultsFile results = new BenchResultsFile(config.getPath("bench.dir").resolve("replay.tsv"));
        results.append(BenchResultsFile.row(row(started, load, sourceParameters, replay, recordSize, baseline, ratio)));
        out.println("appended to " + results.path());
        return new Result(replay, baseline.recordsPerSecond(), ratio, results.path());
      } finally {
        List<String> created = topics.allTopics();
        created.add(baselineTopic);
        BenchRuns.deleteTopics(config, created, out);
      }
    }
  }

  private Map<String, Object> row(Instant started, double load, Map<String, Object> sourceParameters,
      ReplayOutcome replay, int recordSize, ProducerPerformanceRun.Result baseline, double ratio) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("date", started.toString());
    row.putAll(sourceParameters);
    row.put("load_avg_1m", BenchRuns.formatLoad(load));
    row.put("events", replay.published());
    row.put("mean_record_bytes", recordSize);
    row.put("partitions", config.get("kafka.default.partitions"));
    row.put("replication", config.get("kafka.default.replication.factor"));
    row.put("compression", config.get("replay.producer.compression.type", "none"));
    row.put("linger_ms", config.get("replay.producer.linger.ms", "-"));
    row.put("batch_size", config.get("replay.producer.batch.size", "-"));
    row.put("tx_max_events", config.get("replay.transaction.max.events"));
    row.put("tx_max_ms", config.get("replay.transaction.max.ms"));
    row.put("transactions", replay.transactions());
    row.put("replay_events_per_s", String.format(Locale.ROOT, "%.0f", replay.eventsPerSecond()));
    row.put("producer_perf_records_per_s", String.format(Locale.ROOT, "%.0f", baseline.recordsPerSecond()));
    row.put("ratio", String.format(Locale.ROOT, "%.3f", ratio));
    return row;
  }
}
