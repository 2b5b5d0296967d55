package io.olistlakehouse.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.batch.incremental.BatchJob;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.bronze.IngestJob;
import io.olistlakehouse.bronze.IsolatedIngest;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.airflow.AirflowPlan;
import io.olistlakehouse.platform.airflow.AirflowServer;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import io.olistlakehouse.testing.TestAirflow;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestOlistSample;
import io.olistlakehouse.testing.TestPlatform;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch layer run by real Airflow: the DAG folder imports cleanly and its tasks submit classes the application
 * jar holds; {@code airflow dags test} runs every task green and gold equals {@code bin/lakehouse batch}'s; a backfill
 * of three dates, run by a scheduler and API server the test starts, with new bronze landed before each run, ends
 * equal to one full run; clearing a succeeded task and rerunning it commits nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AirflowBatchIT {

  private static final String[] CUTS = {"2017-08-01", "2018-01-01", "2018-05-01"};
  private static final String DAG = AirflowPlan.BATCH_DAG;
  /** Holds the backfill's next run until the test has landed its new bronze data. */
  private static final String GATE = "lakehouse_it_gate";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;

  private static TestPlatform platform;
  private static Map<String, String> overrides;
  private static LakehouseConfig config;
  private static SparkSession spark;
  private static List<Path> slices;
  private static TestAirflow airflow;

  @BeforeAll
  static void setUp() {
    platform = TestPlatform.shared();
    IsolatedIngest ingest = IsolatedIngest.create(platform, "airflow");
    overrides = new LinkedHashMap<>(ingest.overrides());
    overrides.put("replay.topic.prefix", ingest.name() + ".");
    overrides.put("batch.bronze.namespace", ingest.settings().stream().namespace());
    overrides.put("batch.silver.namespace", "it_" + ingest.name() + "_silver");
    overrides.put("batch.gold.namespace", "it_" + ingest.name() + "_gold");
    overrides.put("airflow.home", platform.config().getPath("work.dir").resolve("airflow-" + ingest.name())
        .toString());
    overrides.put("airflow.batch.schedule", "@daily");
    overrides.put("airflow.pool", GATE);
    config = platform.config().withOverrides(overrides);
    spark = SparkSessionFactory.create(config, JobManifest.load(config, BatchMain.MANIFEST));
    slices = SampleSlices.write(TestOlistSample.dir(), tmp, CUTS);
    airflow = new TestAirflow(platform, overrides);
  }

  @AfterAll
  static void tearDown() {
    if (airflow != null) {
      airflow.close();
    }
  }

  @Test
  @Order(1)
  void theDagsImportCleanlyAndSubmitClassesOfTheApplicationJar() throws Exception {
    TestLauncher.Result r = airflow.python(config.home().resolve("src/test/python/dagbag_report.py"));
    assertEquals(0, r.exitCode(), r.stdout());
    JsonNode report = JSON.readTree(r.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no report: " + r.stdout())));
    assertEquals(0, report.get("import_errors").size(), report.get("import_errors").toString());
    JsonNode batch = report.get("dags").get(DAG);
    assertNotNull(batch, "DAGs found: " + report.get("dags").fieldNames());
    assertEquals(1, batch.get("max_active_runs").asInt());
    assertEquals(false, batch.get("catchup").asBoolean());

    JsonNode maintenance = report.get("dags").get(AirflowPlan.MAINTENANCE_DAG);
    assertNotNull(maintenance, "DAGs found: " + report.get("dags").fieldNames());
    assertEquals(new TreeSet<>(config.getList("maintain.namespaces")),
        new TreeSet<>(fieldNames(maintenance.get("tasks"))), "a maintenance task per namespace");
    try (JarFile jar = new JarFile(config.getPath("submit.app.jar").toFile())) {
      for (JsonNode dag : List.of(batch, maintenance)) {
        for (Map.Entry<String, JsonNode> task : iterable(dag.get("tasks"))) {
          JsonNode t = task.getValue();
          assertEquals("SparkSubmitOperator", t.get("operator").asText(), task.getKey());
          assertEquals(config.getInt("airflow.retries"), t.get("retries").asInt(), task.getKey());
          String mainClass = t.get("java_class").asText();
          assertNotNull(jar.getEntry(mainClass.replace('.', '/') + ".class"), mainClass + " is not in the jar");
        }
      }
    }
    Set<String> jobsRun = new TreeSet<>();
    Map<String, List<String>> upstream = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> task : iterable(batch.get("tasks"))) {
      task.getValue().get("application_args").forEach(a -> jobsRun.add(a.asText()));
      List<String> up = new ArrayList<>();
      task.getValue().get("upstream").forEach(u -> up.add(u.asText()));
      upstream.put(task.getKey(), up);
    }
    jobsRun.remove("--only");
    Set<String> allJobs = new TreeSet<>(BatchJobs.all(BatchSettings.fromConfig(config)).stream()
        .map(BatchJob::name).toList());
    assertEquals(allJobs, jobsRun, "every batch job runs in one task");
    // airflow.batch.tasks=layer: the silver jobs, then the gold jobs, each layer in one Spark application.
    assertEquals(Map.of("silver", List.of(), "gold", List.of("silver")), upstream);
  }

  @Test
  @Order(2)
  void dagsTestRunsEveryTaskGreenAndGoldEqualsTheDirectBatch() throws Exception {
    land(slices.get(0));
    TestLauncher.Result r = TestLauncher.run(platform, env(), "airflow", "dags", "test", DAG, "2026-11-30");
    assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    JsonNode runs = JSON.readTree(lastJsonLine(airflow.cli("dags", "list-runs", DAG, "-o", "json")));
    assertEquals(1, runs.size(), runs.toString());
    assertEquals("success", runs.get(0).get("state").asText(), runs.toString());
    System.out.println("airflow dags test " + DAG + ": " + runs);

    BatchSettings direct = batchDirect("direct", false);
    assertSameTables(BatchSettings.fromConfig(config), direct);
  }

  @Test
  @Order(3)
  void aBackfillWithNewBronzeBetweenItsDatesEndsEqualToOneFullRun() throws Exception {
    assertEquals(0, airflow.cli("pools", "set", GATE, "0", "held while the test lands bronze").exitCode());
    assertEquals(0, airflow.cli("dags", "reserialize").exitCode());
    assertEquals(0, airflow.cli("dags", "unpause", DAG).exitCode());
    airflow.start(AirflowServer.API_SERVER, AirflowServer.SCHEDULER);
    // Unpaused, the DAG gets a run of its latest interval at once (catchup only skips older ones): let it run
    // first, alone, with nothing new to read.
    String scheduled = awaitRuns("scheduled", 1).get(0);
    gate(1);
    assertEquals("success", awaitRun(scheduled), scheduled);
    gate(0);
    TestLauncher.Result created = airflow.cli("backfill", "create", "--dag-id", DAG, "--from-date", "2026-12-01",
        "--to-date", "2026-12-03", "--max-active-runs", "1");
    assertEquals(0, created.exitCode(), created.stdout());

    List<String> runIds = awaitRuns("backfill", 3);
    for (int i = 0; i < 3; i++) {
      land(slices.get(i + 1));
      gate(1);
      // Closed again while the run's last task runs: the next run cannot start before the next landing.
      awaitTask(runIds.get(i), "gold", ti -> Set.of("running", "success").contains(ti.path("state").asText()));
      gate(0);
      assertEquals("success", awaitRun(runIds.get(i)), runIds.get(i));
    }

    Map<String, Long> before = snapshots(BatchSettings.fromConfig(config));
    gate(1);
    airflow.post("/api/v2/dags/" + DAG + "/clearTaskInstances", "{\"dry_run\": false, \"dag_run_id\": \""
        + runIds.get(2) + "\", \"task_ids\": [\"silver\"], \"only_failed\": false, \"reset_dag_runs\": true}");
    JsonNode rerun = awaitTask(runIds.get(2), "silver",
        ti -> ti.path("try_number").asInt() >= 2 && Set.of("success", "failed").contains(ti.path("state").asText()));
    assertEquals("success", rerun.get("state").asText(), rerun.toString());
    assertEquals(before, snapshots(BatchSettings.fromConfig(config)), "the rerun committed nothing");

    assertSameTables(BatchSettings.fromConfig(config), batchDirect("full", true));
  }

  private static void land(Path slice) throws Exception {
    TestLauncher.Result r = TestLauncher.run(platform, env(), "replay", "--olist-dir", slice.toString(), "--max");
    assertEquals(0, r.exitCode(), r.stderr());
    StreamingMain.run(config, spark, IngestJob.LAYER, true, StreamingListener.silent());
  }

  /** {@code bin/lakehouse batch} (its code, in this JVM) into silver and gold namespaces of its own. */
  private static BatchSettings batchDirect(String name, boolean full) throws Exception {
    BatchSettings settings = BatchSettings.fromConfig(config.withOverrides(Map.of(
        "batch.silver.namespace", config.get("batch.silver.namespace") + "_" + name,
        "batch.gold.namespace", config.get("batch.gold.namespace") + "_" + name)));
    new BatchRun(spark, new PrintStream(OutputStream.nullOutputStream()), BatchMain.parallelism(config))
        .run(BatchJobs.all(settings), full);
    return settings;
  }

  /** Every silver and gold table of {@code a} holds the rows of its twin in {@code b}, except when they were loaded. */
  private static void assertSameTables(BatchSettings a, BatchSettings b) {
    List<BatchJob> jobsA = BatchJobs.all(a);
    List<BatchJob> jobsB = BatchJobs.all(b);
    for (int i = 0; i < jobsA.size(); i++) {
      String nameA = jobsA.get(i).target().qualifiedName();
      String nameB = jobsB.get(i).target().qualifiedName();
      Dataset<Row> rowsA = spark.table(nameA).drop("loaded_at");
      Dataset<Row> rowsB = spark.table(nameB).drop("loaded_at");
      long count = rowsA.count();
      assertTrue(count > 0, nameA + " is empty");
      assertEquals(rowsB.count(), count, nameA + " against " + nameB);
      assertEquals(0, rowsA.exceptAll(rowsB).count(), () -> nameA + " rows not in " + nameB + ", e.g. "
          + rowsA.exceptAll(rowsB).limit(3).collectAsList());
    }
  }

  private static Map<String, Long> snapshots(BatchSettings settings) throws Exception {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (BatchJob job : BatchJobs.all(settings)) {
      String name = job.target().qualifiedName();
      ids.put(name, Spark3Util.loadIcebergTable(spark, name).currentSnapshot().snapshotId());
    }
    return ids;
  }

  private static void gate(int slots) throws Exception {
    airflow.patch("/api/v2/pools/" + GATE + "?update_mask=slots", "{\"pool\": \"" + GATE + "\", \"slots\": "
        + slots + ", \"include_deferred\": false}");
  }

  /** Waits until the DAG has {@code n} runs of the type; returns their ids by logical date. */
  private static List<String> awaitRuns(String runType, int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      List<String> ids = new ArrayList<>();
      airflow.get("/api/v2/dags/" + DAG + "/dagRuns?run_type=" + runType + "&order_by=logical_date")
          .get("dag_runs").forEach(run -> ids.add(run.get("dag_run_id").asText()));
      if (ids.size() == n) {
        return ids;
      }
      assertTrue(System.nanoTime() < deadline, runType + " runs: " + ids);
      Thread.sleep(500);
    }
  }

  /** Waits until the run ends; returns its state. */
  private static String awaitRun(String runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
    while (true) {
      String state = airflow.get("/api/v2/dags/" + DAG + "/dagRuns/" + encode(runId)).get("state").asText();
      if (state.equals("success") || state.equals("failed")) {
        return state;
      }
      assertTrue(System.nanoTime() < deadline, runId + " still " + state);
      Thread.sleep(500);
    }
  }

  /** Polls the task instance until {@code done} holds; returns it. */
  private static JsonNode awaitTask(String runId, String taskId, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
    while (true) {
      JsonNode ti = airflow.get("/api/v2/dags/" + DAG + "/dagRuns/" + encode(runId) + "/taskInstances/" + taskId);
      if (done.test(ti)) {
        return ti;
      }
      assertTrue(System.nanoTime() < deadline, taskId + " of " + runId + ": " + ti);
      Thread.sleep(200);
    }
  }

  private static Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    overrides.forEach((k, v) -> env.put(LakehouseConfig.envName(k), v));
    return env;
  }

  private static String lastJsonLine(TestLauncher.Result r) {
    assertEquals(0, r.exitCode(), r.stdout());
    return r.stdout().lines().filter(l -> l.startsWith("[") || l.startsWith("{")).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no JSON in: " + r.stdout()));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
