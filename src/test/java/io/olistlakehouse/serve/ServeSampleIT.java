package io.olistlakehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.serve.jdbc.HiveJdbc;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestThriftServer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The serving layer on the Olist sample: the sample replayed at a paced rate in two parts while the speed job runs,
 * one batch run between them, and a Thrift server of the test's own (with a password) serving the test's tables.
 * At three moments serve.order_delivery equals a recomputation over every event produced so far; delayed_orders,
 * JDBC metadata, PyHive, authentication and a restart are checked on the final state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeSampleIT {

  /** The columns of an order's delivery that do not depend on the layer's clock (overdue, updated_at do). */
  private static final String PROJECTION = "order_id, concat_ws('|', status, "
      + "date_format(purchase_at, 'yyyy-MM-dd HH:mm:ss'), date_format(approved_at, 'yyyy-MM-dd HH:mm:ss'), "
      + "date_format(delivered_carrier_at, 'yyyy-MM-dd HH:mm:ss'), "
      + "date_format(delivered_customer_at, 'yyyy-MM-dd HH:mm:ss'), "
      + "date_format(estimated_delivery_at, 'yyyy-MM-dd HH:mm:ss'), "
      + "date_format(shipping_limit_at, 'yyyy-MM-dd HH:mm:ss'), purchase_to_approval_days, approval_to_carrier_days, "
      + "carrier_to_customer_days, carrier_delivery_delay_days, customer_delivery_delay_days) AS facts";
  private static final Duration CATCH_UP = Duration.ofMinutes(4);
  private static final String PASSWORD = "it-" + UUID.randomUUID();

  private static SampleLakehouse lakehouse;
  private static LakehouseConfig serving;
  private static BatchSettings settings;
  private static BatchSettings truthSettings;
  private static SparkSession spark;
  private static TestThriftServer server;
  private static TestLauncher.Running speed;
  private static Map<String, String> goldAfterBatch;

  @BeforeAll
  static void setUp() {
    lakehouse = new SampleLakehouse("serve", PASSWORD);
    settings = lakehouse.settings;
    spark = lakehouse.spark;
    server = lakehouse.server;
    serving = server.config();
    String name = lakehouse.name();
    truthSettings = new BatchSettings(settings.catalog(), settings.bronzeNamespace(), "it_" + name + "_truth_silver",
        "it_" + name + "_truth_gold");
  }

  @AfterAll
  static void tearDown() {
    if (speed != null) {
      speed.terminate();
      speed.await(Duration.ofMinutes(2));
    }
    if (lakehouse != null) {
      lakehouse.close();
    }
  }

  @Test
  @Order(1)
  void mergedViewEqualsARecomputationOverAllEventsAtEveryMoment() throws Exception {
    replayFor(Duration.ofSeconds(8)); // the speed job starts once the replay has created the topics
    Map<String, String[]> before = awaitViewEqualsTruth("before the batch");
    assertTrue(before.values().stream().allMatch(v -> v[1].equals("speed")), "no batch has run yet");

    batch(settings, false);
    goldAfterBatch = facts("SELECT " + PROJECTION + " FROM " + settings.gold("fact_order_lead_days"));
    Map<String, String[]> after = awaitViewEqualsTruth("right after the batch");
    long fromBatch = after.values().stream().filter(v -> v[1].equals("batch")).count();
    assertEquals(goldAfterBatch.size(), fromBatch, "the batch has processed every order's events: batch rows");

    replayFor(Duration.ofSeconds(8));
    Map<String, String[]> later = awaitViewEqualsTruth("after more events");
    List<String> newerInSpeed = new ArrayList<>();
    later.forEach((order, v) -> {
      if (v[1].equals("speed") && goldAfterBatch.containsKey(order) && !goldAfterBatch.get(order).equals(v[0])) {
        newerInSpeed.add(order);
      }
    });
    assertFalse(newerInSpeed.isEmpty(), "orders the batch has a row for, whose newest events only the speed layer "
        + "has seen, show those events");
    String order = newerInSpeed.get(0);
    assertNotEquals(goldAfterBatch.get(order), later.get(order)[0]);
  }

  @Test
  @Order(2)
  void delayedOrdersEqualARecomputation() throws Exception {
    List<String> expected = DelayedOrdersTruth.compute(spark, settings, query(
        "SELECT order_id, status, overdue, date_format(delivered_carrier_at, 'yyyy-MM-dd HH:mm:ss'), "
            + "date_format(shipping_limit_at, 'yyyy-MM-dd HH:mm:ss'), "
            + "date_format(estimated_delivery_at, 'yyyy-MM-dd'), date_format(updated_at, 'yyyy-MM-dd') "
            + "FROM serve.order_delivery"));
    List<String> actual = query("SELECT order_id, priority, days_overdue, best_group FROM serve.delayed_orders")
        .stream().map(r -> String.join("|", r)).toList();
    assertFalse(expected.isEmpty(), "the sample state has delayed orders");
    assertTrue(expected.stream().anyMatch(r -> !r.contains("|5|")), "some delayed order holds a ranked product");
    assertEquals(expected, actual, "delayed_orders: rows, priorities and order");
  }

  @Test
  @Order(3)
  void hiveJdbcMetadataListsGoldSpeedAndServe() throws Exception {
    String gold = settings.goldNamespace();
    String speedNamespace = lakehouse.config.get("speed.namespace");
    try (Connection c = server.connect()) {
      DatabaseMetaData meta = c.getMetaData();
      Set<String> schemas = new HashSet<>();
      try (ResultSet rs = meta.getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      assertTrue(schemas.containsAll(List.of(gold, speedNamespace, "serve")), "schemas: " + schemas);
      List<String> goldTables = tables(meta, gold);
      assertTrue(goldTables.containsAll(List.of("fact_order_lead_days", "fact_monthly_sales_by_product",
          "fact_order_detail", "dim_user_location", "fact_review_answer_lead_days")), "gold: " + goldTables);
      assertTrue(tables(meta, speedNamespace).containsAll(List.of("order_delivery", "kpi_minute", "late_events")));
      assertEquals(new HashSet<>(ServingViews.NAMES), new HashSet<>(tables(meta, "serve")));
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, "serve", "delayed_orders", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME"));
        }
      }
      assertTrue(columns.containsAll(List.of("order_id", "priority", "best_group", "days_overdue", "products")),
          "columns: " + columns);
    }
    long goldRows = spark.table(settings.gold("fact_order_lead_days")).count();
    assertEquals(List.of(List.of(Long.toString(goldRows))),
        query("SELECT count(*) FROM " + gold + ".fact_order_lead_days"));
    assertFalse(query("SELECT * FROM " + speedNamespace + ".kpi_minute LIMIT 3").isEmpty());
  }

  @Test
  @Order(4)
  void onlyTheConfiguredPasswordIsAccepted() throws Exception {
    SQLException refused = assertThrows(SQLException.class,
        () -> HiveJdbc.connect(serving, serving.get("serve.thrift.user"), "not-" + PASSWORD).close());
    assertTrue(refused.getMessage().contains("refused user"), refused.getMessage());
    String count = query("SELECT count(*) FROM serve.delayed_orders").get(0).get(0);

    TestLauncher.Result py = pyhive(PASSWORD, "SELECT count(*) FROM serve.delayed_orders");
    assertEquals(0, py.exitCode(), py.stderr());
    assertTrue(py.stdout().contains("\"rows\": [[\"" + count + "\"]]"), py.stdout());
    TestLauncher.Result wrong = pyhive("not-" + PASSWORD, "SELECT 1");
    assertNotEquals(0, wrong.exitCode(), "PyHive with a wrong password: " + wrong.stdout());

    Map<String, String> env = new LinkedHashMap<>(lakehouse.env());
    env.put(LakehouseConfig.envName("serve.jdbc.url"), serving.get("serve.jdbc.url"));
    TestLauncher.Result cli = TestLauncher.run(lakehouse.platform, env, "sql", "--jdbc", "SELECT count(*) AS n FROM "
        + "serve.delayed_orders");
    assertEquals(0, cli.exitCode(), cli.stderr());
    assertTrue(cli.stdout().contains("n\n" + count), cli.stdout());
  }

  @Test
  @Order(5)
  void aRestartedServerServesTheSameAnswers() throws Exception {
    Map<String, List<List<String>>> before = answers();
    server.down();
    server.up();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    Map<String, List<List<String>>> after = null;
    while (after == null) {
      try {
        after = answers();
      } catch (SQLException e) {
        // The serving views are published again right after the start; until then they are missing.
        assertTrue(System.nanoTime() < deadline, "serving views not back after a restart: " + e);
        Thread.sleep(1000);
      }
    }
    assertEquals(before, after);
  }

  private static Map<String, List<List<String>>> answers() throws SQLException {
    Map<String, List<List<String>>> answers = new TreeMap<>();
    for (String view : ServingViews.NAMES) {
      answers.put(view, query("SELECT count(*) FROM serve." + view));
    }
    answers.put("delayed_orders top 20", query("SELECT order_id, priority FROM serve.delayed_orders LIMIT 20"));
    answers.put("category_rank top 5", query("SELECT * FROM serve.category_rank ORDER BY revenue_rank, category "
        + "LIMIT 5"));
    return answers;
  }

  /** Replays the next part of the sample for about {@code duration}; the speed job starts with the first part. */
  private static void replayFor(Duration duration) throws InterruptedException {
    lakehouse.replayFor(duration, () -> {
      if (speed == null) {
        speed = TestLauncher.start(lakehouse.platform, lakehouse.env(), "speed");
      }
    });
  }

  /**
   * The truth at this moment: every event produced so far landed in bronze, and the batch's rules run over all of it
   * from scratch into namespaces of their own. Waits until the speed job has caught up and the view equals it.
   * Returns the view's rows: order -> [facts, source].
   */
  private static Map<String, String[]> awaitViewEqualsTruth(String moment) throws Exception {
    lakehouse.ingestOnce();
    batch(truthSettings, true);
    Map<String, String> truth = facts("SELECT " + PROJECTION + " FROM "
        + truthSettings.gold("fact_order_lead_days"));
    assertFalse(truth.isEmpty());
    long deadline = System.nanoTime() + CATCH_UP.toNanos();
    while (true) {
      assertTrue(speed.alive(), () -> "the speed job ended: " + speed.stderr());
      Map<String, String[]> view = new TreeMap<>();
      try {
        for (List<String> r : query("SELECT " + PROJECTION + ", source FROM serve.order_delivery")) {
          view.put(r.get(0), new String[] {r.get(1), r.get(2)});
        }
      } catch (SQLException e) {
        // The server publishes the view once the speed job has created its table.
        assertTrue(System.nanoTime() < deadline, moment + ": serve.order_delivery never appeared: " + e);
        Thread.sleep(2000);
        continue;
      }
      Map<String, String> viewFacts = new TreeMap<>();
      view.forEach((k, v) -> viewFacts.put(k, v[0]));
      if (viewFacts.equals(truth)) {
        return view;
      }
      if (System.nanoTime() > deadline) {
        assertEquals(truth, viewFacts, moment + ": serve.order_delivery differs from the recomputation");
      }
      Thread.sleep(2000);
    }
  }

  private static void batch(BatchSettings target, boolean full) throws Exception {
    lakehouse.batch(target, full);
  }

  private static Map<String, String> facts(String sql) {
    Map<String, String> facts = new TreeMap<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      facts.put(r.getString(0), r.getString(1));
    }
    return facts;
  }

  static List<List<String>> query(String sql) throws SQLException {
    return lakehouse.query(sql);
  }

  private static List<String> tables(DatabaseMetaData meta, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, schema, "%", null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  private static TestLauncher.Result pyhive(String password, String sql) throws Exception {
    java.nio.file.Path home = serving.home();
    ProcessBuilder pb = new ProcessBuilder(home.resolve(".venv/bin/python").toString(),
        home.resolve("src/test/python/pyhive_query.py").toString(), serving.get("serve.thrift.host"),
        serving.get("serve.thrift.port"), serving.get("serve.thrift.user"), password, sql);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    String err = new String(p.getErrorStream().readAllBytes());
    return new TestLauncher.Result(p.waitFor(), out, err);
  }
}
