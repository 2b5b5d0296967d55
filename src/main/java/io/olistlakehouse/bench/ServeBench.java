package io.olistlakehouse.bench;

import io.olistlakehouse.batch.BatchJobs;
import io.olistlakehouse.batch.BatchMain;
import io.olistlakehouse.batch.BatchRun;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.bronze.IngestJob;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.replay.Pacing;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.replay.Replayer;
import io.olistlakehouse.serve.DashboardQueries;
import io.olistlakehouse.serve.jdbc.HiveJdbc;
import io.olistlakehouse.source.OrderSource;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.speed.SpeedJob;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;

/**
 * The dashboards' queries through JDBC at a given scale. A synthetic set is replayed into fresh topics, landed,
 * batched and run through the speed layer into fresh namespaces (none of it timed), and a Thrift server of the
 * bench's own serves them, started the way {@code up} starts the platform's. Each dashboard query is then timed
 * {@code repeats} times alone and {@code repeats} times per client with {@code clients} clients at once; p50/p95 per
 * query are printed and appended to {@code <bench.dir>/serve.tsv}.
 */
public final class ServeBench {

  /** The timings of one query in one mode. */
  public record Timing(String engine, String query, int clients, long rows, Percentiles millis) {}

  private final LakehouseConfig config;
  private final PrintStream out;

  public ServeBench(LakehouseConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public List<Timing> run(OrderSource source, Map<String, Object> parameters, int clients, int repeats,
      boolean keep) throws Exception {
    Instant started = Instant.now();
    double load = BenchRuns.loadAverage();
    BenchRuns.Scratch scratch = new BenchRuns.Scratch("serve", BenchRuns.stamp(started));
    String prefix = scratch.topicPrefix();
    String ns = scratch.namespace();
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("replay.topic.prefix", prefix);
    overrides.put("ingest.topic.prefix", prefix);
    overrides.put("speed.topic.prefix", prefix);
    overrides.put("ingest.namespace", ns + "_bronze");
    overrides.put("ingest.checkpoint.dir", scratch.checkpointDir(config) + "/ingest");
    overrides.put("speed.namespace", ns + "_speed");
    overrides.put("speed.checkpoint.dir", scratch.checkpointDir(config) + "/speed");
    overrides.put("batch.bronze.namespace", ns + "_bronze");
    overrides.put("batch.silver.namespace", ns + "_silver");
    overrides.put("batch.gold.namespace", ns + "_gold");
    LakehouseConfig run = config.withOverrides(overrides);
    ReplayTopics topics = ReplayTopics.fromConfig(run);
    Catalog catalog = IcebergCatalogs.open(run);
    Platform server = servingNode(run, scratch);
    try {
      try (SparkSession spark = SparkSessionFactory.create(run, JobManifest.load(run, BatchMain.MANIFEST))) {
        out.println("== data: replay --max of " + source.orderCount() + " orders, ingest --once, batch, speed --once "
            + "into " + ns + "_* (not timed)");
        new Replayer(run, topics, Pacing.MAX, System.err).run(source);
        StreamingMain.run(run, spark, IngestJob.LAYER, true, StreamingListener.silent());
        new BatchRun(spark, out, BatchMain.parallelism(run)).run(BatchJobs.all(BatchSettings.fromConfig(run)), true);
        StreamingMain.run(run, spark, SpeedJob.LAYER, true, StreamingListener.silent());
      }
      out.println("== Thrift server of the bench on port " + server.config().get("serve.thrift.port"));
      server.up();
      LakehouseConfig serving = server.config();
      List<DashboardQueries.Query> queries = DashboardQueries.all();
      awaitPublished(serving, queries);
      List<Timing> timings = new ArrayList<>(QueryTimer.time("spark-thrift", queries, clients, repeats,
          () -> jdbcClient(serving), out));
      report(timings, clients);
      BenchResultsFile results = new BenchResultsFile(config.getPath("bench.dir").resolve("serve.tsv"));
      for (Timing t : timings) {
        results.append(BenchResultsFile.row(row(started, load, parameters, repeats, t)));
      }
      out.println("appended to " + results.path());
      return timings;
    } finally {
      server.down();
      if (keep) {
        out.println("kept: topics " + prefix + "*, tables " + ns + "_*.*, checkpoints "
            + scratch.checkpointDir(config));
      } else {
        for (String layer : List.of("gold", "silver", "speed", "bronze")) {
          BenchRuns.dropNamespace(catalog, ns + "_" + layer, out);
        }
        BenchRuns.deleteTopics(run, topics.allTopics(), out);
        BenchRuns.deleteDirectory(Path.of(scratch.checkpointDir(config)), out);
      }
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  /** A node running only the Thrift server, over the bench's namespaces, on its own port and work directory. */
  private Platform servingNode(LakehouseConfig run, BenchRuns.Scratch scratch) {
    Map<String, String> node = new LinkedHashMap<>();
    node.put("work.dir", config.getPath("bench.dir").resolve("serve-" + scratch.stamp()).toString());
    node.put("platform.processes", Platform.THRIFT);
    node.put("serve.thrift.port", config.get("bench.serve.thrift.port"));
    node.put("serve.publish.interval.seconds", "2");
    return new Platform(run.withOverrides(node));
  }

  private static QueryTimer.Client jdbcClient(LakehouseConfig serving) throws Exception {
    Connection c = HiveJdbc.connect(serving);
    return new QueryTimer.Client() {
      @Override
      public long run(String sql) throws Exception {
        return QueryTimer.drain(c, sql);
      }

      @Override
      public void close() throws Exception {
        c.close();
      }
    };
  }

  /** The serving views are published a moment after the server opens its port: wait until every query runs. */
  private static void awaitPublished(LakehouseConfig serving, List<DashboardQueries.Query> queries)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (Connection c = HiveJdbc.connect(serving)) {
      for (DashboardQueries.Query q : queries) {
        while (true) {
          try {
            QueryTimer.drain(c, q.sql());
            break;
          } catch (java.sql.SQLException e) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("query " + q.name() + " still fails: " + e.getMessage(), e);
            }
            Thread.sleep(1000);
          }
        }
      }
    }
  }

  private void report(List<Timing> timings, int clients) {
    out.printf(Locale.ROOT, "%n%-28s %8s %9s %9s %9s %9s%n", "query (spark-thrift)", "rows", "p50 ms", "p95 ms",
        "p50@" + clients, "p95@" + clients);
    for (Timing alone : timings) {
      if (!alone.engine().equals("spark-thrift") || alone.clients() != 1) {
        continue;
      }
      Timing together = find(timings, alone.engine(), alone.query(), clients);
      out.printf(Locale.ROOT, "%-28s %8d %9d %9d %9d %9d%n", alone.query(), alone.rows(), alone.millis().at(50),
          alone.millis().at(95), together.millis().at(50), together.millis().at(95));
    }
    long over = timings.stream().filter(t -> t.engine().equals("spark-thrift"))
        .filter(t -> t.millis().at(95) > (t.clients() == 1 ? 1000 : 2000)).count();
    out.println(over == 0 ? "goal met: every p95 <= 1 s alone and <= 2 s with " + clients + " clients"
        : "goal not met: " + over + " query/mode pairs above p95 1 s alone / 2 s with " + clients + " clients");
  }

  private static double ratio(long a, long b) {
    return (double) a / Math.max(1, b);
  }

  private static Timing find(List<Timing> timings, String engine, String query, int clients) {
    return timings.stream().filter(t -> t.engine().equals(engine) && t.query().equals(query)
        && t.clients() == clients).findFirst().orElseThrow();
  }

  private Map<String, Object> row(Instant started, double load, Map<String, Object> parameters, int repeats,
      Timing t) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("date", started.toString());
    row.putAll(parameters);
    row.put("load_avg_1m", BenchRuns.formatLoad(load));
    row.put("engine", t.engine());
    row.put("query", t.query());
    row.put("clients", t.clients());
    row.put("runs_per_client", repeats);
    row.put("rows", t.rows());
    row.put("p50_ms", t.millis().at(50));
    row.put("p95_ms", t.millis().at(95));
    row.put("max_ms", t.millis().max());
    return row;
  }
}
