package io.olistlakehouse.bench.chaos;

import io.olistlakehouse.bench.BenchRuns;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.catalog.CatalogServer;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.platform.kafka.KafkaCluster;
import io.olistlakehouse.platform.s3.ObjectStore;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.source.OrderSource;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.speed.SpeedTables;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bin/lakehouse chaos}: the whole pipeline (replay, ingest, speed, batch) on scratch topics and tables, a
 * seeded schedule of faults and bad input, then every table against the truth computed from the source. Prints the
 * faults with their recoveries and the checks, and appends one row per fault (and one for the bad input) to
 * {@code <bench.dir>/chaos.tsv}. The scratch is removed when every check passed and kept for a look otherwise.
 */
public final class ChaosBench {

  /**
   * What to run.
   *
   * @param scenarios run together, in one pipeline: their faults follow each other
   * @param seed the fault schedule's seed
   * @param kills kill -9s of the kill scenario
   * @param outage each platform fault's outage; null for each scenario's configured one
   * @param rate replay events/s; null to spread the source over the planned faults
   * @param source the orders, opened once for the truth (the replay opens its own copy)
   * @param sourceArgs the replay's arguments naming the same orders
   */
  public record Plan(List<ChaosScenario> scenarios, long seed, int kills, Duration outage, Long rate,
      Supplier<OrderSource> source, List<String> sourceArgs, String sourceLabel) {}

  /** The speed layer's drain is checked with a Spark query: not too often. */
  private static final long DRAIN_POLL_MILLIS = 5_000;

  private final LakehouseConfig config;
  private final PrintStream out;

  public ChaosBench(LakehouseConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** Runs the plan; true when nothing was lost or duplicated and every table equals the truth. */
  public boolean run(Plan plan) throws Exception {
    Instant started = Instant.now();
    double load = BenchRuns.loadAverage();
    BenchRuns.Scratch scratch = new BenchRuns.Scratch("chaos", BenchRuns.stamp(started));
    Map<String, String> overrides = scratchOverrides(config, scratch);
    LakehouseConfig run = config.withOverrides(overrides);

    SourceTruth truth;
    try (OrderSource source = plan.source().get()) {
      truth = SourceTruth.of(source, run);
    }
    Platform platform = new Platform(config);
    platform.up(); // what runs already is left alone, as with `bin/lakehouse up`
    List<Fault> faults = FaultSchedule.of(plan.scenarios(), schedulePlan(plan, platform), plan.seed());
    long rate = plan.rate() != null ? plan.rate() : spreadRate(truth, faults, plan.scenarios());
    out.printf("chaos %s, seed %d: %,d events of %s at %,d events/s, %d faults; scratch %s*, namespace prefix %s%n",
        labels(plan.scenarios()), plan.seed(), truth.events(), plan.sourceLabel(), rate, faults.size(),
        scratch.topicPrefix(), scratch.namespace());

    Path logDir = config.getPath("bench.dir").resolve("chaos/" + scratch.stamp());
    ReplayTopics topics = ReplayTopics.fromConfig(run);
    List<ChaosRun.Recovery> recoveries;
    List<TruthAudit.Check> checks;
    BadInput.Injected injected;
    List<ChaosReport.SentInput> inputs = new ArrayList<>();
    SchemaEvolution.Outcome evolution = null;
    Catalog catalog = IcebergCatalogs.open(run);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            config.get("kafka.bootstrap.servers")));
        ChaosPipeline pipeline = new ChaosPipeline(config, overrides, logDir)) {
      Duration timeout = Duration.ofSeconds(config.getLong("chaos.recovery.timeout.seconds"));
      // The streaming jobs subscribe before the replay starts, so the replay's paced time is all spent with them up;
      // the batch starts once bronze has tables to read.
      topics.ensure(admin, run, timeout);
      pipeline.startStreaming(timeout);
      List<String> replayArgs = new ArrayList<>(plan.sourceArgs());
      replayArgs.addAll(List.of("--rate", Long.toString(rate)));
      pipeline.startReplay(replayArgs);
      for (String job : List.of(Fault.REPLAY, Fault.INGEST, Fault.SPEED)) {
        pipeline.awaitLine(job, ChaosPipeline.PROGRESS.get(job), timeout);
      }
      injected = BadInput.Injected.NONE;
      if (plan.scenarios().contains(ChaosScenario.EVOLUTION)) {
        // Sent while the replay still writes the old version: both versions interleave in the topic.
        try (OrderSource source = plan.source().get()) {
          evolution = new SchemaEvolution(run, topics).inject(source, !pipeline.job(Fault.REPLAY).finished());
        }
        injected = injected.plus(evolution.injected());
        inputs.add(new ChaosReport.SentInput(ChaosScenario.EVOLUTION, evolution.injected().records()
            + " evolved records sent"));
        out.println(evolution.describe());
      }
      pipeline.startBatch();
      pipeline.awaitLine(Fault.BATCH, ChaosPipeline.PROGRESS.get(Fault.BATCH), timeout);
      out.println("chaos: the pipeline runs; logs in " + logDir);
      if (plan.scenarios().contains(ChaosScenario.BAD_INPUT)) {
        // The late event is late only against a clock: wait until the speed layer has processed data.
        TableIdentifier delivery = TableIdentifier.of(run.get("speed.namespace"), SpeedTables.ORDER_DELIVERY);
        Await.until("the speed layer's first rows", () -> records(catalog, delivery) > 0, timeout, () -> "");
        BadInput.Injected bad;
        try (OrderSource source = plan.source().get()) {
          bad = new BadInput(run, topics).inject(source);
        }
        injected = injected.plus(bad);
        inputs.add(new ChaosReport.SentInput(ChaosScenario.BAD_INPUT, bad.records() + " bad records sent"));
        out.printf("chaos: bad input sent: %d records that land (duplicates, orphans, %d late), %d to dead-letter %s%n",
            bad.records() - bad.deadLettered(), bad.lateEvents(), bad.deadLettered(), bad.deadLetters().keySet());
      }
      long up = System.nanoTime();
      ChaosRun chaos = new ChaosRun(config, platform, pipeline,
          new ReplicationWatch(admin, topics.eventTopics(), timeout), out);
      recoveries = chaos.inject(faults, up);

      Duration drain = Duration.ofSeconds(config.getLong("chaos.drain.timeout.seconds"));
      Await.until("the replay to finish", () -> pipeline.job(Fault.REPLAY).finished(),
          Duration.ofSeconds(truth.events() / rate).plus(drain), () -> "");
      TruthAudit.Tables tables = tables(run);
      // Waits that time out are reported and the audit runs all the same: it names what is missing.
      drained("bronze to hold every event", () -> bronzeRows(catalog, run) >= truth.events(), drain);
      try (SparkSession spark = SparkSessionFactory.create(run, "lakehouse-chaos")) {
        drained("the speed layer to hold every order", () -> spark.sql("SELECT count(DISTINCT order_id) FROM "
            + tables.speed(SpeedTables.ORDER_DELIVERY)).first().getLong(0) >= truth.orders(), drain);
        out.println("chaos: runs per job (the batch's include its timer runs): " + pipeline.runs());
        pipeline.stop(Fault.INGEST);
        pipeline.stop(Fault.SPEED);
        pipeline.stop(Fault.BATCH);
        finalBatch(pipeline, logDir);
        spark.catalog().clearCache();
        checks = new ArrayList<>(TruthAudit.run(spark, tables, truth, injected));
        if (evolution != null) {
          checks.addAll(SchemaEvolution.checks(spark, tables, evolution));
        }
      }
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
    boolean passed = checks.stream().allMatch(TruthAudit.Check::passed)
        && recoveries.stream().allMatch(r -> r.recovery() != null || r.fault().hitsJob());
    ChaosReport report = new ChaosReport(recoveries, inputs, checks, passed);
    report.print(out);
    Path results = config.getPath("bench.dir").resolve("chaos.tsv");
    report.append(results, started, load, plan, rate, truth);
    out.println("appended to " + results);
    if (passed) {
      removeScratch(config, run, topics, scratch, out);
    } else {
      out.println("kept the scratch for a look: topics " + scratch.topicPrefix() + "*, namespaces "
          + scratch.namespace() + "_*, logs " + logDir);
    }
    return passed;
  }

  /** Topics, tables and checkpoints of the run's own, so that it never touches the pipeline's data. */
  static Map<String, String> scratchOverrides(LakehouseConfig config, BenchRuns.Scratch scratch) {
    Map<String, String> o = new LinkedHashMap<>();
    String checkpoints = scratch.checkpointDir(config);
    // Every key named, derived ones too: a resolved configuration file (run/lakehouse.properties) holds values,
    // not the ${...} references that would follow an override.
    o.put("replay.topic.prefix", scratch.topicPrefix());
    o.put("ingest.topic.prefix", scratch.topicPrefix());
    o.put("speed.topic.prefix", scratch.topicPrefix());
    o.put("ingest.namespace", scratch.namespace() + "_bronze");
    o.put("batch.bronze.namespace", scratch.namespace() + "_bronze");
    o.put("ingest.checkpoint.dir", checkpoints + "/ingest");
    o.put("speed.namespace", scratch.namespace() + "_speed");
    o.put("speed.checkpoint.dir", checkpoints + "/speed");
    o.put("batch.silver.namespace", scratch.namespace() + "_silver");
    o.put("batch.gold.namespace", scratch.namespace() + "_gold");
    o.put("maintain.namespaces", String.join(",", scratch.namespace() + "_bronze", scratch.namespace() + "_silver",
        scratch.namespace() + "_gold", scratch.namespace() + "_speed"));
    // The jobs' metrics ports may be taken by the pipeline's own jobs: any free port will do.
    o.put("ingest.metrics.port", "0");
    o.put("speed.metrics.port", "0");
    // The sample has events before their order's purchase (docs/speed.md): a tolerant clock keeps them all, so the
    // speed layer must equal the batch layer row for row.
    o.put("speed.watermark.delay.seconds", config.get("chaos.speed.watermark.delay.seconds"));
    o.put("speed.allowed.lateness.seconds", config.get("chaos.speed.allowed.lateness.seconds"));
    return o;
  }

  private FaultSchedule.Plan schedulePlan(Plan plan, Platform platform) {
    Duration brokerOutage = plan.outage() != null ? plan.outage()
        : Duration.ofSeconds(config.getLong("chaos.broker.outage.seconds"));
    Duration s3Outage = plan.outage() != null ? plan.outage()
        : Duration.ofSeconds(config.getLong("chaos.s3.outage.seconds"));
    Duration catalogOutage = plan.outage() != null ? plan.outage()
        : Duration.ofSeconds(config.getLong("chaos.catalog.outage.seconds"));
    List<String> nodes = new KafkaCluster(config, platform.configFile()).nodeIds().stream()
        .map(KafkaCluster::processName).toList();
    return new FaultSchedule.Plan(plan.kills(), Duration.ofSeconds(config.getLong("chaos.fault.delay.min.seconds")),
        Duration.ofSeconds(config.getLong("chaos.fault.delay.max.seconds")), brokerOutage, s3Outage, catalogOutage,
        nodes, ObjectStore.NAME, CatalogServer.NAME);
  }

  /**
   * A rate that keeps the replay going until the last fault has recovered, with each fault given its allowance (and
   * the evolution one more, so that its records are sent mid-stream).
   */
  private long spreadRate(SourceTruth truth, List<Fault> faults, List<ChaosScenario> scenarios) {
    long allowance = config.getLong("chaos.recovery.allowance.seconds");
    long seconds = config.getLong("chaos.lead.seconds")
        + (scenarios.contains(ChaosScenario.EVOLUTION) ? allowance : 0);
    for (Fault fault : faults) {
      seconds += fault.delay().toSeconds() + fault.outage().toSeconds() + allowance;
    }
    return Math.max(1, truth.events() / Math.max(1, seconds));
  }

  private void drained(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
    if (!Await.within(condition, timeout, DRAIN_POLL_MILLIS)) {
      out.println("chaos: gave up waiting for " + what + " after " + timeout.toSeconds() + " s; auditing anyway");
    }
  }

  private static long bronzeRows(Catalog catalog, LakehouseConfig run) {
    long rows = 0;
    for (BronzeStream stream : BronzeStream.values()) {
      long records = records(catalog, TableIdentifier.of(run.get("ingest.namespace"), stream.streamName()));
      if (records < 0) {
        return -1;
      }
      rows += records;
    }
    return rows;
  }

  /** A table's rows by its current snapshot's summary; -1 while it does not exist or cannot be read. */
  private static long records(Catalog catalog, TableIdentifier id) {
    try {
      Snapshot current = catalog.loadTable(id).currentSnapshot();
      return current == null ? 0 : Long.parseLong(current.summary().getOrDefault("total-records", "0"));
    } catch (RuntimeException notYetOrUnreachable) {
      return -1;
    }
  }

  /** One batch run after the streams have drained, so gold covers everything bronze holds. */
  private void finalBatch(ChaosPipeline pipeline, Path logDir) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(pipeline.command(List.of(Fault.BATCH))).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("batch-final.log").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(pipeline.env());
    Process batch = builder.start();
    if (!batch.waitFor(config.getLong("chaos.drain.timeout.seconds"), TimeUnit.SECONDS) || batch.exitValue() != 0) {
      batch.destroyForcibly();
      throw new IllegalStateException("the final batch run failed; see " + logDir.resolve("batch-final.log"));
    }
  }

  private TruthAudit.Tables tables(LakehouseConfig run) {
    return new TruthAudit.Tables(run.get("catalog.name"), run.get("ingest.namespace"), run.get("speed.namespace"),
        run.get("batch.gold.namespace"));
  }

  static void removeScratch(LakehouseConfig config, LakehouseConfig run, ReplayTopics topics,
      BenchRuns.Scratch scratch, PrintStream out) {
    BenchRuns.deleteTopics(run, topics.allTopics(), out);
    Catalog catalog = IcebergCatalogs.open(run);
    try {
      for (String layer : List.of("_bronze", "_speed", "_silver", "_gold")) {
        BenchRuns.dropNamespace(catalog, scratch.namespace() + layer, out);
      }
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
    BenchRuns.deleteDirectory(Path.of(scratch.checkpointDir(config)), out);
  }

  private static String labels(List<ChaosScenario> scenarios) {
    return String.join(",", scenarios.stream().map(ChaosScenario::label).toList());
  }
}
