package io.olistlakehouse.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.batch.incremental.BatchJob;
import io.olistlakehouse.batch.incremental.BatchJobOutcome;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.bronze.IngestJob;
import io.olistlakehouse.bronze.IsolatedIngest;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.speed.SpeedJob;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestNotebooks;
import io.olistlakehouse.testing.TestOlistSample;
import io.olistlakehouse.testing.TestPlatform;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Olist sample replayed in four slices (by purchase time), each ingested and batched: the batch process killed
 * with kill -9 at three points and rerun, bronze history rewritten and expired before the last slice. The tables
 * then equal one full recompute row for row, and the gold results equal a recomputation from the CSVs
 * ({@link SampleTruth}) and the speed layer's rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchSampleIT {

  private static final String[] CUTS = {"2017-08-01", "2018-01-01", "2018-05-01"};

  @TempDir
  static Path tmp;

  private static TestPlatform platform;
  private static IsolatedIngest ingest;
  private static Map<String, String> overrides;
  private static LakehouseConfig config;
  private static BatchSettings settings;
  private static SparkSession spark;
  private static List<Path> slices;

  @BeforeAll
  static void setUp() {
    platform = TestPlatform.shared();
    ingest = IsolatedIngest.create(platform, "batch");
    overrides = new LinkedHashMap<>(ingest.overrides());
    overrides.put("replay.topic.prefix", ingest.name() + ".");
    overrides.put("batch.bronze.namespace", ingest.settings().stream().namespace());
    overrides.put("batch.silver.namespace", "it_" + ingest.name() + "_silver");
    overrides.put("batch.gold.namespace", "it_" + ingest.name() + "_gold");
    config = platform.config().withOverrides(overrides);
    settings = BatchSettings.fromConfig(config);
    spark = SparkSessionFactory.create(config, JobManifest.load(config, BatchMain.MANIFEST));
    slices = SampleSlices.write(TestOlistSample.dir(), tmp, CUTS);
  }

  @Test
  @Order(1)
  void incrementalSlicesWithCrashesAndRewrittenHistoryEqualAFullRun() throws Exception {
    land(slices.get(0));
    assertTrue(batch(false).stream().allMatch(o -> o.kind() == BatchJobOutcome.Kind.FULL), "the first run is full");

    land(slices.get(1));
    killedAt("batch: running gold.fact_order_lead_days"); // between silver and gold
    batch(false);

    land(slices.get(2));
    killedAt("batch: running silver.order_line"); // in the middle of silver
    killedAt("batch: running gold.fact_monthly_sales_by_product"); // in the middle of gold
    batch(false);

    // Bronze history rewritten: compaction everywhere, and order_item's snapshots expired.
    for (String table : List.of("order_item", "order_status", "review")) {
      spark.sql("CALL " + settings.catalog() + ".system.rewrite_data_files(table => '" + settings.bronzeNamespace()
          + "." + table + "', options => map('rewrite-all', 'true'))");
    }
    String now = LocalDateTime.ofInstant(Instant.now().plusSeconds(1), ZoneOffset.UTC).toString().replace('T', ' ');
    spark.sql("CALL " + settings.catalog() + ".system.expire_snapshots(table => '" + settings.bronzeNamespace()
        + ".order_item', older_than => TIMESTAMP '" + now + "', retain_last => 1)");
    land(slices.get(3));
    Map<String, BatchJobOutcome> afterRewrite = byJob(batch(false));
    BatchJobOutcome events = afterRewrite.get("silver.order_event");
    assertEquals(BatchJobOutcome.Kind.FULL, events.kind(), events.line());
    assertTrue(events.detail().contains("history rewritten"), events.line());
    assertEquals(BatchJobOutcome.Kind.INCREMENTAL, afterRewrite.get("silver.review").kind(),
        "compaction alone keeps the recorded snapshot an ancestor: " + afterRewrite.get("silver.review").line());

    // The analyst's time-travel notebook, over these tables: the previous run's groups against the current ones.
    String notebook = TestNotebooks.execute(platform, config.home().resolve("notebooks/time_travel.ipynb"),
        env(Map.of()));
    assertTrue(notebook.matches("(?s).*product \\w+ \\(.*\\): [A-Z][a-z]+ [A-Z][a-z]+ -> .*"), notebook);

    Map<String, Long> before = snapshots();
    List<BatchJobOutcome> idle = batch(false);
    assertTrue(idle.stream().noneMatch(BatchJobOutcome::committed), "nothing new, nothing committed: " + idle);
    assertEquals(before, snapshots(), "no table got a snapshot");

    batch(true);
    for (Map.Entry<String, Long> table : before.entrySet()) {
      Dataset<Row> incremental = rows(spark.read().format("iceberg").option("snapshot-id", table.getValue())
          .load(table.getKey()));
      Dataset<Row> full = rows(spark.table(table.getKey()));
      assertEquals(full.count(), incremental.count(), table.getKey());
      assertEquals(0, incremental.exceptAll(full).count(), () -> table.getKey() + ": incremental rows not in the "
          + "full run, e.g. " + incremental.exceptAll(full).limit(3).collectAsList() + " vs "
          + full.exceptAll(incremental).limit(3).collectAsList());
    }
  }

  @Test
  @Order(2)
  void goldEqualsARecomputationFromTheCsvs() {
    SampleTruth truth = SampleTruth.sample();

    Map<List<Object>, SampleTruth.MonthlySale> sales = new LinkedHashMap<>();
    truth.monthlySales().forEach(m -> sales.put(List.<Object>of(m.productId(), m.salesPeriod()), m));
    List<Row> actualSales = spark.table(settings.gold("fact_monthly_sales_by_product")).collectAsList();
    assertEquals(sales.size(), actualSales.size(), "one row per (product, month)");
    for (Row r : actualSales) {
      SampleTruth.MonthlySale m = sales.get(List.<Object>of(r.<String>getAs("product_id"),
          r.<java.sql.Date>getAs("sales_period").toLocalDate()));
      assertTrue(m != null, () -> "unexpected row " + r);
      String row = r.toString();
      assertEquals(m.category(), r.getAs("category"), row);
      assertEquals(m.quantity(), (long) r.<Long>getAs("total_sales_quantity"), row);
      assertEquals(0, m.amount().compareTo(r.getAs("total_sales_amount")), row);
      assertEquals(m.meanSales(), r.<Double>getAs("mean_sales"), 1e-9, row);
      assertEquals(m.group(), r.getAs("portfolio_group"), row);
    }

    Map<String, SampleTruth.OrderLeadDays> orders = truth.orderLeadDays();
    List<Row> actualOrders = spark.table(settings.gold("fact_order_lead_days")).collectAsList();
    assertEquals(orders.size(), actualOrders.size(), "one row per order");
    for (Row r : actualOrders) {
      SampleTruth.OrderLeadDays o = orders.get(r.<String>getAs("order_id"));
      assertEquals(o, new SampleTruth.OrderLeadDays(r.getAs("order_id"), r.getAs("status"),
          r.getAs("purchase_to_approval_days"), r.getAs("approval_to_carrier_days"),
          r.getAs("carrier_to_customer_days"), r.getAs("carrier_delivery_delay_days"),
          r.getAs("customer_delivery_delay_days")));
    }

    Map<List<String>, SampleTruth.ReviewLeadDays> reviews = truth.reviewLeadDays();
    List<Row> actualReviews = spark.table(settings.gold("fact_review_answer_lead_days")).collectAsList();
    assertEquals(reviews.size(), actualReviews.size(), "one row per (review, order)");
    for (Row r : actualReviews) {
      assertEquals(reviews.get(List.of(r.<String>getAs("review_id"), r.<String>getAs("order_id"))),
          new SampleTruth.ReviewLeadDays(r.getAs("review_id"), r.getAs("order_id"), r.<Integer>getAs("review_score"),
              r.getAs("answer_lead_days")));
    }
  }

  @Test
  @Order(3)
  void goldOrderLeadDaysEqualTheSpeedLayer() throws Exception {
    String namespace = "it_" + ingest.name() + "_speed";
    Map<String, String> speed = new LinkedHashMap<>(overrides);
    speed.put("speed.topic.prefix", ingest.name() + ".");
    speed.put("speed.namespace", namespace);
    speed.put("speed.checkpoint.dir", config.getPath("work.dir").resolve("checkpoints/" + namespace).toString());
    speed.put("speed.max.offsets.per.trigger", "1000000");
    // As in SpeedSampleIT: the sample has events before their order's purchase; a tolerant clock keeps them all.
    speed.put("speed.watermark.delay.seconds", "3600");
    speed.put("speed.allowed.lateness.seconds", Long.toString(30L * 24 * 3600));
    StreamingMain.run(platform.config().withOverrides(speed), spark, SpeedJob.LAYER, true,
        StreamingListener.silent());
    String columns = "order_id, status, purchase_to_approval_days, approval_to_carrier_days, "
        + "carrier_to_customer_days, carrier_delivery_delay_days, customer_delivery_delay_days";
    Dataset<Row> gold = spark.sql("SELECT " + columns + " FROM " + settings.gold("fact_order_lead_days"));
    Dataset<Row> speedRows = spark.sql("SELECT " + columns + " FROM " + settings.catalog() + "." + namespace
        + ".order_delivery");
    assertEquals(8_135, gold.count());
    assertEquals(gold.count(), speedRows.count());
    assertEquals(0, gold.exceptAll(speedRows).count(), () -> "gold rows the speed layer differs on, e.g. "
        + gold.exceptAll(speedRows).limit(5).collectAsList() + " vs " + speedRows.exceptAll(gold).limit(5)
        .collectAsList());
  }

  /** Replays a slice into the test's topics (the real CLI) and lands it in bronze. */
  private static void land(Path slice) throws Exception {
    TestLauncher.Result r = TestLauncher.run(platform, env(Map.of()), "replay", "--olist-dir", slice.toString(),
        "--max");
    assertEquals(0, r.exitCode(), r.stderr());
    StreamingMain.run(config, spark, IngestJob.LAYER, true, StreamingListener.silent());
  }

  private static List<BatchJobOutcome> batch(boolean full) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<BatchJob> jobs = BatchJobs.all(settings);
    List<BatchJobOutcome> outcomes = new BatchRun(spark, new PrintStream(out, true, StandardCharsets.UTF_8),
        BatchMain.parallelism(config))
        .run(jobs, full);
    System.out.print(out.toString(StandardCharsets.UTF_8));
    assertEquals(jobs.size(), outcomes.size());
    return outcomes;
  }

  /** Starts {@code bin/lakehouse batch} and kills it with SIGKILL as soon as it prints {@code marker}. */
  private static void killedAt(String marker) throws InterruptedException {
    // One job at a time, so that the marker names the only job in flight.
    TestLauncher.Running running = TestLauncher.start(platform, env(Map.of("batch.parallelism", "1")), "batch");
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!running.stdout().contains(marker)) {
      assertTrue(running.alive(), () -> "batch ended before '" + marker + "': " + running.stdout()
          + running.stderr());
      assertTrue(System.nanoTime() < deadline, "no '" + marker + "' within 5 minutes");
      Thread.sleep(20);
    }
    running.kill9();
    System.out.println("killed -9 at '" + marker + "' after:\n" + running.stdout());
  }

  /** The test's configuration overrides (plus {@code more}) as LAKEHOUSE_* variables of a child process. */
  private static Map<String, String> env(Map<String, String> more) {
    Map<String, String> env = new LinkedHashMap<>();
    overrides.forEach((k, v) -> env.put(LakehouseConfig.envName(k), v));
    more.forEach((k, v) -> env.put(LakehouseConfig.envName(k), v));
    return env;
  }

  private static Map<String, BatchJobOutcome> byJob(List<BatchJobOutcome> outcomes) {
    Map<String, BatchJobOutcome> m = new LinkedHashMap<>();
    outcomes.forEach(o -> m.put(o.job(), o));
    return m;
  }

  /** Every batch table -> its current snapshot id. */
  private static Map<String, Long> snapshots() throws Exception {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (BatchJob job : BatchJobs.all(settings)) {
      String name = job.target().qualifiedName();
      ids.put(name, Spark3Util.loadIcebergTable(spark, name).currentSnapshot().snapshotId());
    }
    return ids;
  }

  /** A table's rows without the column that says when they were written. */
  private static Dataset<Row> rows(Dataset<Row> table) {
    return table.drop("loaded_at");
  }
}
