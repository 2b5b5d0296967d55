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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * {@code repeats} times alone and {@code repeats} times with {@code clients} clients at once; p50/p95 per
 * query are printed and appended to {@code <bench.dir>/serve.tsv}. With Trino as the anchor the same queries run
 * through Trino's Iceberg connector over the same catalog, in the same run, and the ratios are printed.
 */
public final class ServeBench {

  /** The timings of one query in one mode. */
  public record Timing(String engine, String query, int clients, long rows, Percentiles millis) {}

  private static final String SPARK = "spark-thrift";
  private static final String TRINO = "trino";

  private final LakehouseConfig config;
  private final PrintStream out;

  public ServeBench(LakehouseConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public List<Timing> run(OrderSource source, Map<String, Object> parameters, int clients, int repeats,
      boolean vsTrino, boolean keep) throws Exception {
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
      List<DashboardQueries.Query> queries = selecting(serving, DashboardQueries.all());
      awaitPublished(serving, queries);
      List<Timing> timings = new ArrayList<>(QueryTimer.time(SPARK, queries, clients, repeats,
          () -> jdbcClient(serving), out));
      if (vsTrino) {
        try (TrinoAnchor trino = new TrinoAnchor(run).start(out)) {
          timings.addAll(QueryTimer.time(TRINO, TrinoQueries.translate(queries, run), clients, repeats,
              trino::client, out));
        }
      }
      report(timings, clients, vsTrino);
      BenchResultsFile results = new BenchResultsFile(config.getPath("bench.dir").resolve("serve.tsv"));
      for (Timing t : timings) {
        results.append(BenchResultsFile.row(row(started, load, parameters, t)));
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
    node.put("serve.thrift.metrics.port", config.get("bench.serve.thrift.metrics.port"));
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

  /** The dashboards' queries with the cross-filter's selection: the first ten delayed orders. */
  private static List<DashboardQueries.Query> selecting(LakehouseConfig serving, List<DashboardQueries.Query> all)
      throws Exception {
    List<String> ids = firstColumnOnceServed(serving, "SELECT order_id FROM serve.delayed_orders LIMIT 10").stream()
        .map(id -> "'" + id + "'").toList();
    String selection = ids.isEmpty() ? "''" : String.join(", ", ids);
    return all.stream().map(q -> q.with("selected_orders", selection)).toList();
  }

  private static void awaitPublished(LakehouseConfig serving, List<DashboardQueries.Query> queries)
      throws Exception {
    for (DashboardQueries.Query q : queries) {
      firstColumnOnceServed(serving, q.sql());
    }
  }

  /**
   * The query's first column, retried while it fails: the serving views are published a moment after the server
   * opens its port.
   */
  private static List<String> firstColumnOnceServed(LakehouseConfig serving, String sql) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (Connection c = HiveJdbc.connect(serving)) {
      while (true) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
          List<String> values = new ArrayList<>();
          while (rs.next()) {
            values.add(rs.getString(1));
          }
          return values;
        } catch (SQLException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("still failing after 2 minutes: " + sql + ": " + e.getMessage(), e);
          }
          Thread.sleep(1000);
        }
      }
    }
  }

  private void report(List<Timing> timings, int clients, boolean vsTrino) {
    out.printf(Locale.ROOT, "%n%-28s %8s %9s %9s %9s %9s%n", "query (spark-thrift)", "rows", "p50 ms", "p95 ms",
        "p50@" + clients, "p95@" + clients);
    for (Timing alone : timings) {
      if (!alone.engine().equals(SPARK) || alone.clients() != 1) {
        continue;
      }
      Timing together = find(timings, alone.engine(), alone.query(), clients);
      out.printf(Locale.ROOT, "%-28s %8d %9d %9d %9d %9d%n", alone.query(), alone.rows(), alone.millis().at(50),
          alone.millis().at(95), together.millis().at(50), together.millis().at(95));
    }
    long over = timings.stream().filter(t -> t.engine().equals(SPARK))
        .filter(t -> t.millis().at(95) > (t.clients() == 1 ? 1000 : 2000)).count();
    out.println(over == 0 ? "goal met: every p95 <= 1 s alone and <= 2 s with " + clients + " clients"
        : "goal not met: " + over + " query/mode pairs above p95 1 s alone / 2 s with " + clients + " clients");
    if (!vsTrino) {
      return;
    }
    out.printf(Locale.ROOT, "%n%-28s %9s %9s %9s %9s %10s %10s%n", "query (trino)", "p50 ms", "p95 ms",
        "p50@" + clients, "p95@" + clients, "p50 ratio", "p95 ratio");
    out.println("(ratio = spark-thrift / trino, alone; above 1: Trino is faster)");
    for (Timing alone : timings) {
      if (!alone.engine().equals(TRINO) || alone.clients() != 1) {
        continue;
      }
      Timing together = find(timings, TRINO, alone.query(), clients);
      Timing spark = find(timings, SPARK, alone.query(), 1);
      out.printf(Locale.ROOT, "%-28s %9d %9d %9d %9d %10.2f %10.2f%n", alone.query(), alone.millis().at(50),
          alone.millis().at(95), together.millis().at(50), together.millis().at(95),
          ratio(spark.millis().at(50), alone.millis().at(50)), ratio(spark.millis().at(95), alone.millis().at(95)));
    }
  }

  private static double ratio(long a, long b) {
    return (double) a / Math.max(1, b);
  }


  private static Timing find(List<Timing> timings, String engine, String query, int clients) {
    return timings.stream().filter(t -> t.engine().equals(engine) && t.query().equals(query)
        && t.clients() == clients).findFirst().orElseThrow();
  }

  private Map<String, Object> row(Instant started, double load, Map<String, Object> parameters, Timing t) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("date", started.toString());
    row.putAll(parameters);
    row.put("load_avg_1m", BenchRuns.formatLoad(load));
    row.put("engine", t.engine());
    row.put("query", t.query());
    row.put("clients", t.clients());
    row.put("runs", t.millis().count());
    row.put("rows", t.rows());
    row.put("p50_ms", t.millis().at(50));
    row.put("p95_ms", t.millis().at(95));
    row.put("max_ms", t.millis().max());
    return row;
  }
}
