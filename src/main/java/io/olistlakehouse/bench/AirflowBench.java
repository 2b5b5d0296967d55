package io.olistlakehouse.bench;

import io.olistlakehouse.batch.BatchMain;
import io.olistlakehouse.bronze.IngestSettings;
import io.olistlakehouse.airflow.AirflowPlan;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.replay.Pacing;
import io.olistlakehouse.replay.ReplayOutcome;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.replay.Replayer;
import io.olistlakehouse.source.OrderSource;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.streaming.StreamingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;

/**
 * The batch layer run by Airflow against the same run without it, on one synthetic backlog: replayed and landed in a
 * fresh bronze namespace (not timed), then, each into fresh silver and gold namespaces, {@code bin/lakehouse batch}
 * and {@code bin/lakehouse airflow dags test lakehouse_batch} with the DAG's tasks by layer, by dependency level and
 * by job.
 * Each is timed as a user sees it, from the command's start to its exit (JVM and Spark start-ups included). Appends
 * the times and the DAG / direct ratios to {@code <bench.dir>/airflow.tsv}.
 */
public final class AirflowBench {

  /** A timed command: its name in the results, the arguments of bin/lakehouse, extra settings. */
  private record Contender(String name, List<String> args, Map<String, String> settings) {}

  private final LakehouseConfig config;
  private final PrintStream out;

  public AirflowBench(LakehouseConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public void run(OrderSource backlog, Map<String, Object> parameters, boolean keep) throws Exception {
    Instant started = Instant.now();
    BenchRuns.Scratch scratch = new BenchRuns.Scratch("airflow", BenchRuns.stamp(started));
    String prefix = scratch.topicPrefix();
    String bronze = scratch.namespace() + "_bronze";
    Map<String, String> shared = new LinkedHashMap<>(Map.of(
        "replay.topic.prefix", prefix,
        "ingest.topic.prefix", prefix,
        "ingest.namespace", bronze,
        "ingest.checkpoint.dir", scratch.checkpointDir(config),
        "batch.bronze.namespace", bronze,
        "airflow.home", config.getPath("bench.dir").resolve("airflow-" + scratch.stamp()).toString()));
    LakehouseConfig run = config.withOverrides(shared);
    ReplayTopics topics = ReplayTopics.fromConfig(run);
    List<Contender> contenders = List.of(
        new Contender("direct", List.of("batch"), Map.of()),
        dag("layer", "2026-01-02"), dag("level", "2026-01-03"), dag("job", "2026-01-04"));
    Catalog catalog = IcebergCatalogs.open(run);
    List<String> namespaces = new ArrayList<>(List.of(bronze));
    try {
      long events;
      try (SparkSession spark = SparkSessionFactory.create(run, JobManifest.load(run, BatchMain.MANIFEST))) {
        out.println("== backlog: replay --max of " + backlog.orderCount() + " orders and ingest --once into "
            + bronze + ".* (not timed)");
        ReplayOutcome replayed = new Replayer(run, topics, Pacing.MAX, System.err).run(backlog);
        events = BenchBacklog.land(run, spark, replayed.published(), out);
      }
      // Airflow's venv and database made ready beforehand: a one-off set-up, not what a DAG run costs.
      AirflowPlan.prepare(run, new Platform(run).configFile());
      Map<String, Double> seconds = new LinkedHashMap<>();
      for (Contender c : contenders) {
        Map<String, String> settings = new LinkedHashMap<>(shared);
        settings.putAll(c.settings());
        settings.put("batch.silver.namespace", scratch.namespace() + "_" + c.name() + "_silver");
        settings.put("batch.gold.namespace", scratch.namespace() + "_" + c.name() + "_gold");
        namespaces.add(settings.get("batch.silver.namespace"));
        namespaces.add(settings.get("batch.gold.namespace"));
        out.println("== " + c.name() + ": bin/lakehouse " + String.join(" ", c.args()) + " into "
            + settings.get("batch.silver.namespace") + ".* and " + settings.get("batch.gold.namespace") + ".*");
        seconds.put(c.name(), timed(c, settings, scratch));
        out.printf(Locale.ROOT, "%s: %.1f s%n", c.name(), seconds.get(c.name()));
      }
      double direct = seconds.get("direct");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("date", started.toString());
      row.putAll(parameters);
      row.put("load_avg_1m", BenchRuns.formatLoad(BenchRuns.loadAverage()));
      row.put("events", events);
      seconds.forEach((name, s) -> row.put(name + "_seconds", String.format(Locale.ROOT, "%.1f", s)));
      seconds.forEach((name, s) -> {
        if (!name.equals("direct")) {
          row.put(name + "_ratio", String.format(Locale.ROOT, "%.2f", s / direct));
          out.printf(Locale.ROOT, "== %s / direct: %.2f%n", name, s / direct);
        }
      });
      BenchResultsFile results = new BenchResultsFile(config.getPath("bench.dir").resolve("airflow.tsv"));
      results.append(BenchResultsFile.row(row));
      out.println("appended to " + results.path());
    } finally {
      if (keep) {
        out.println("kept: topics " + prefix + "*, namespaces " + namespaces);
      } else {
        for (int i = namespaces.size() - 1; i >= 0; i--) {
          BenchRuns.dropNamespace(catalog, namespaces.get(i), out);
        }
        BenchRuns.deleteTopics(run, topics.allTopics(), out);
        BenchRuns.deleteDirectory(StreamingSettings.from(run, IngestSettings.KEY_PREFIX).checkpointDir(), out);
      }
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  /** {@code airflow dags test lakehouse_batch} on the date, with the DAG's tasks grouped by {@code grouping}. */
  private static Contender dag(String grouping, String logicalDate) {
    return new Contender("dag_" + grouping, List.of("airflow", "dags", "test", AirflowPlan.BATCH_DAG, logicalDate),
        Map.of("airflow.batch.tasks", grouping));
  }

  /** Wall time of {@code bin/lakehouse ARGS} with the settings as LAKEHOUSE_* variables; fails unless it exits 0. */
  private double timed(Contender c, Map<String, String> settings, BenchRuns.Scratch scratch)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(config.home().resolve("bin/lakehouse").toString()));
    cmd.addAll(c.args());
    Path log = config.getPath("bench.dir").resolve("airflow-" + scratch.stamp() + "-" + c.name() + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(config.home().toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("LAKEHOUSE_NO_BUILD", "1");
    settings.forEach((k, v) -> pb.environment().put(LakehouseConfig.envName(k), v));
    long start = System.nanoTime();
    int exit = pb.start().waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException(c.name() + " exited " + exit + "; see " + log);
    }
    return seconds;
  }
}
