package io.olistlakehouse.bench.chaos;

import io.olistlakehouse.bench.BenchResultsFile;
import io.olistlakehouse.bench.BenchRuns;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.platform.process.Ports;
import io.olistlakehouse.replay.ReplayTopics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.catalog.Catalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code bin/lakehouse bench soak}: the whole pipeline (replay, ingest, speed, batch, supervised as in a chaos run)
 * and table maintenance every {@code soak.maintain.interval.seconds}, on scratch topics and tables, fed synthetic
 * orders at a steady rate for a number of minutes, and sampled every {@code soak.sample.seconds}: the memory of
 * every process, the files of every table, and the lag and freshness of the streaming jobs. Each sample is printed
 * and appended to {@code <bench.dir>/soak.tsv}; at the end the first and the last sample are set side by side.
 * What the goal asks, flat memory, bounded files and no growing lag, is read from those columns.
 */
public final class SoakBench {

  /**
   * What to run.
   *
   * @param duration how long the replay feeds the pipeline
   * @param rate replay events/s
   * @param orders synthetic orders, more than the duration needs at the rate: the replay is stopped at the end
   * @param seed the synthetic generator's seed
   */
  public record Plan(Duration duration, long rate, long orders, long seed) {}

  private final LakehouseConfig config;
  private final PrintStream out;

  public SoakBench(LakehouseConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** Synthetic orders enough for the duration at the rate, with the margin soak.orders.margin asks for. */
  public static long ordersFor(LakehouseConfig config, Duration duration, long rate) {
    double eventsPerOrder = Double.parseDouble(config.get("soak.events.per.order"));
    double margin = Double.parseDouble(config.get("soak.orders.margin"));
    return (long) Math.ceil(duration.toSeconds() * rate / eventsPerOrder * margin);
  }

  /** Runs the soak; the samples taken, first to last. */
  public List<SoakSample> run(Plan plan) throws Exception {
    Instant started = Instant.now();
    double load = BenchRuns.loadAverage();
    BenchRuns.Scratch scratch = new BenchRuns.Scratch("soak", BenchRuns.stamp(started));
    Map<String, String> overrides = new LinkedHashMap<>(ChaosBench.scratchOverrides(config, scratch));
    // Fixed ports for the run, so that the sampler can read the jobs' metrics as Prometheus would.
    int ingestPort = Ports.ephemeral();
    int speedPort = Ports.ephemeral();
    overrides.put("ingest.metrics.port", Integer.toString(ingestPort));
    overrides.put("speed.metrics.port", Integer.toString(speedPort));
    LakehouseConfig run = config.withOverrides(overrides);
    Platform platform = new Platform(config);
    platform.up();
    out.printf("soak: %d min at %,d events/s of %,d synthetic orders (seed %d); scratch %s*, namespace prefix %s%n",
        plan.duration().toMinutes(), plan.rate(), plan.orders(), plan.seed(), scratch.topicPrefix(),
        scratch.namespace());

    Path logDir = config.getPath("bench.dir").resolve("soak/" + scratch.stamp());
    ReplayTopics topics = ReplayTopics.fromConfig(run);
    String host = config.get("lakehouse.host");
    SoakSample.Endpoints endpoints = new SoakSample.Endpoints(Map.of(
        Fault.INGEST, "http://" + host + ":" + ingestPort + "/metrics",
        Fault.SPEED, "http://" + host + ":" + speedPort + "/metrics"));
    List<String> namespaces = List.of("_bronze", "_speed", "_silver", "_gold").stream()
        .map(layer -> scratch.namespace() + layer).toList();
    Duration every = Duration.ofSeconds(config.getLong("soak.sample.seconds"));
    List<SoakSample> samples = new ArrayList<>();
    BenchResultsFile results = new BenchResultsFile(config.getPath("bench.dir").resolve("soak.tsv"));
    Catalog catalog = IcebergCatalogs.open(run);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            config.get("kafka.bootstrap.servers")));
        ChaosPipeline pipeline = new ChaosPipeline(config, overrides, logDir)) {
      Duration timeout = Duration.ofSeconds(config.getLong("chaos.recovery.timeout.seconds"));
      topics.ensure(admin, run, timeout);
      pipeline.startStreaming(timeout);
      pipeline.startReplay(List.of("--synthetic", "--orders", Long.toString(plan.orders()), "--seed",
          Long.toString(plan.seed()), "--rate", Long.toString(plan.rate())));
      pipeline.startBatch();
      pipeline.startMaintenance(Duration.ofSeconds(config.getLong("soak.maintain.interval.seconds")));
      out.println("soak: the pipeline runs; logs in " + logDir);
      long start = System.nanoTime();
      long minute = 0;
      while (System.nanoTime() - start < plan.duration().toNanos()) {
        minute++;
        long due = start + every.toNanos() * minute;
        Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
        SoakSample sample = SoakSample.take(platform.status(), pipeline.jobs(), catalog, namespaces, endpoints);
        samples.add(sample);
        out.println(line(minute * every.toSeconds(), sample));
        results.append(BenchResultsFile.row(
            row(started, load, plan, minute * every.toSeconds(), sample)));
      }
      out.println("soak: runs per job (the batch's include its timer runs): " + pipeline.runs());
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
    summary(samples);
    ChaosBench.removeScratch(config, run, topics, scratch, out);
    return samples;
  }

  private static String line(long seconds, SoakSample s) {
    return String.format(Locale.ROOT, "soak: %4d s  rss jobs %,6d MB platform %,6d MB  files data %,6d metadata %,6d"
        + "  lag %s  freshness %s", seconds, SoakSample.total(s.jobRssMb()), SoakSample.total(s.platformRssMb()),
        SoakSample.total(s.dataFiles()), SoakSample.total(s.metadataFiles()), s.lagRecords(),
        s.freshnessSeconds().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
            e -> String.format(Locale.ROOT, "%.0f s", e.getValue()))));
  }

  /** The first and the last sample side by side, per process and per table. */
  private void summary(List<SoakSample> samples) {
    if (samples.size() < 2) {
      out.println("soak: fewer than two samples, nothing to compare");
      return;
    }
    SoakSample first = samples.get(0);
    SoakSample last = samples.get(samples.size() - 1);
    out.printf("%n%-52s %12s %12s%n", "soak: first and last sample", "first", "last");
    first.platformRssMb().forEach((p, mb) -> out.printf("%-52s %9d MB %9d MB%n", "rss " + p, mb,
        last.platformRssMb().getOrDefault(p, 0L)));
    first.jobRssMb().forEach((p, mb) -> out.printf("%-52s %9d MB %9d MB%n", "rss " + p, mb,
        last.jobRssMb().getOrDefault(p, 0L)));
    first.dataFiles().keySet().forEach(t -> out.printf("%-52s %12s %12s%n", "files (data+metadata) " + t,
        first.dataFiles().get(t) + "+" + first.metadataFiles().get(t),
        last.dataFiles().getOrDefault(t, 0L) + "+" + last.metadataFiles().getOrDefault(t, 0L)));
    first.lagRecords().forEach((job, lag) -> out.printf("%-52s %12d %12d%n", "lag records " + job, lag,
        last.lagRecords().getOrDefault(job, -1L)));
    first.freshnessSeconds().forEach((job, s) -> out.printf(Locale.ROOT, "%-52s %10.0f s %10.0f s%n",
        "freshness " + job, s, last.freshnessSeconds().getOrDefault(job, -1.0)));
  }

  private Map<String, Object> row(Instant started, double load, Plan plan, long seconds, SoakSample s) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("date", started.toString());
    row.put("minutes", plan.duration().toMinutes());
    row.put("rate", plan.rate());
    row.put("load_avg_1m_at_start", BenchRuns.formatLoad(load));
    row.put("at_s", seconds);
    row.put("rss_jobs_mb", SoakSample.total(s.jobRssMb()));
    row.put("rss_platform_mb", SoakSample.total(s.platformRssMb()));
    row.put("data_files", SoakSample.total(s.dataFiles()));
    row.put("metadata_files", SoakSample.total(s.metadataFiles()));
    row.put("snapshots", SoakSample.total(s.snapshots()));
    row.put("lag_ingest", s.lagRecords().getOrDefault(Fault.INGEST, -1L));
    row.put("lag_speed", s.lagRecords().getOrDefault(Fault.SPEED, -1L));
    row.put("freshness_ingest_s", seconds(s.freshnessSeconds().get(Fault.INGEST)));
    row.put("freshness_speed_s", seconds(s.freshnessSeconds().get(Fault.SPEED)));
    row.put("rss_mb", join(s.platformRssMb()) + ";" + join(s.jobRssMb()));
    row.put("files_per_table", s.dataFiles().keySet().stream().map(t -> t + "=" + s.dataFiles().get(t) + "+"
        + s.metadataFiles().get(t)).collect(Collectors.joining(";")));
    return row;
  }

  private static String seconds(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String join(Map<String, Long> values) {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
  }
}
