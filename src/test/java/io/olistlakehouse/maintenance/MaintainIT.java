package io.olistlakehouse.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.batch.BatchJobs;
import io.olistlakehouse.batch.BatchMain;
import io.olistlakehouse.batch.BatchRun;
import io.olistlakehouse.batch.incremental.BatchCommits;
import io.olistlakehouse.batch.incremental.BatchJobOutcome;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.bronze.IngestJob;
import io.olistlakehouse.bronze.IsolatedIngest;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.airflow.AirflowPlan;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.streaming.CommittedMicroBatches;
import io.olistlakehouse.streaming.MicroBatchMarker;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import io.olistlakehouse.testing.TestAirflow;
import io.olistlakehouse.testing.TestEventProducer;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestPlatform;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Bronze landed in many small micro-batches and silver built by several incremental batch runs, then maintained
 * with every step: far fewer files, the same rows, the snapshots the pipelines read still there, and the pipelines
 * continuing as before (the next batch run incremental, the ingest's replay check still finding its last batch).
 */
class MaintainIT {

  private static final int ROUNDS = 5;
  private static final int EVENTS_PER_ROUND = 600;
  private static final int TOTAL_EVENTS = (ROUNDS + 2) * EVENTS_PER_ROUND;
  private static final List<String> JOBS = List.of("silver.product");
  /** Bronze tables every round writes to: fragmented, whatever else the rounds touch. */
  private static final List<String> BRONZE = List.of("product", "order_status", "customer");

  @Test
  void maintenanceCompactsAndExpiresWithoutChangingRowsOrBreakingThePipelines() throws Exception {
    TestPlatform platform = TestPlatform.shared();
    IsolatedIngest ingest = IsolatedIngest.create(platform, "maintain");
    String bronze = ingest.settings().stream().namespace();
    String silver = "it_" + ingest.name() + "_silver";
    Map<String, String> overrides = new LinkedHashMap<>(ingest.overrides());
    overrides.put("batch.bronze.namespace", bronze);
    overrides.put("batch.silver.namespace", silver);
    overrides.put("batch.gold.namespace", "it_" + ingest.name() + "_gold");
    // Small micro-batches: each writes a file per bronze table, as a continuous ingest does.
    overrides.put("ingest.max.offsets.per.trigger", Integer.toString(EVENTS_PER_ROUND / 2));
    overrides.put("maintain.namespaces", bronze + "," + silver);
    // Nothing is young enough to be kept by age: what stays is kept for the pipelines (or is the current snapshot).
    overrides.put("maintain.snapshot.retention.hours", "0");
    overrides.put("maintain.snapshot.retain.last", "1");
    // No writer runs meanwhile, so files of any age that no snapshot references are orphans.
    overrides.put("maintain.orphan.min.age.hours", "0");
    LakehouseConfig config = platform.config().withOverrides(overrides);
    BatchSettings settings = BatchSettings.fromConfig(config);
    SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, BatchMain.MANIFEST));
    Catalog catalog = IcebergCatalogs.open(config);
    try (TestEventProducer producer = new TestEventProducer(config, ingest.topics()).ensureTopics()) {
      long start = System.nanoTime();
      for (int round = 0; round < ROUNDS; round++) {
        land(producer, config, spark, round);
        batch(spark, config, settings);
      }
      // Bronze moves on past the position silver recorded: that snapshot is now kept only because silver reads it.
      land(producer, config, spark, ROUNDS);
      System.out.printf("maintain IT: landed and batched in %.1f s%n", (System.nanoTime() - start) / 1e9);

      TableIdentifier product = TableIdentifier.of(bronze, "product");
      long recorded = recordedPosition(catalog, TableIdentifier.of(silver, "product"), settings.bronze("product"));
      long recordedCount = countAt(spark, settings.bronze("product"), recorded);
      long oldest = SnapshotUtil.oldestAncestor(catalog.loadTable(product)).snapshotId();
      assertTrue(oldest != recorded, "the recorded position is not the table's first snapshot");
      String orphan = writeOrphan(catalog.loadTable(product));

      // Every table of both namespaces: the DAG maintains them all.
      List<TableIdentifier> tables = new ArrayList<>(catalog.listTables(Namespace.of(bronze)));
      tables.addAll(catalog.listTables(Namespace.of(silver)));
      List<TableIdentifier> fragmented = new ArrayList<>();
      BRONZE.forEach(name -> fragmented.add(TableIdentifier.of(bronze, name)));
      JOBS.forEach(job -> fragmented.add(TableIdentifier.of(silver, job.substring(job.indexOf('.') + 1))));
      assertTrue(tables.containsAll(fragmented), tables.toString());
      Map<TableIdentifier, List<Object>> rowsBefore = new LinkedHashMap<>();
      Map<TableIdentifier, Long> filesBefore = new LinkedHashMap<>();
      for (TableIdentifier id : tables) {
        rowsBefore.put(id, contents(spark, config, id));
        filesBefore.put(id, dataFiles(catalog.loadTable(id)));
      }

      // The maintenance DAG, one spark-submit per namespace, run by Airflow in this process (no scheduler).
      overrides.put("airflow.home", platform.config().getPath("work.dir").resolve("airflow-" + ingest.name())
          .toString());
      long maintainStart = System.nanoTime();
      try (TestAirflow airflow = new TestAirflow(platform, overrides)) {
        TestLauncher.Result run = airflow.cli("dags", "test", AirflowPlan.MAINTENANCE_DAG, "2026-12-01");
        assertEquals(0, run.exitCode(), run.stdout());
        TestLauncher.Result runs = airflow.cli("dags", "list-runs", AirflowPlan.MAINTENANCE_DAG, "-o", "json");
        assertTrue(runs.stdout().matches("(?s).*\"state\":\\s*\"success\".*"), runs.stdout());
        // The tasks' report lines, through spark-submit's output in the task log.
        assertTrue(run.stdout().contains("maintain: "), run.stdout());
        assertFalse(run.stdout().matches("(?s).*maintain: \\S+ \\S+ failed.*"), run.stdout());
      }
      double maintainSeconds = (System.nanoTime() - maintainStart) / 1e9;

      for (TableIdentifier id : tables) {
        long after = dataFiles(catalog.loadTable(id));
        System.out.printf("maintain IT: %s data files %d -> %d%n", id, filesBefore.get(id), after);
        assertEquals(rowsBefore.get(id), contents(spark, config, id), id + ": rows (count, checksum) unchanged");
      }
      System.out.printf("maintain IT: the maintenance DAG ran in %.1f s%n", maintainSeconds);
      for (TableIdentifier id : tables) {
        long after = dataFiles(catalog.loadTable(id));
        if (fragmented.contains(id) || filesBefore.get(id) >= 5) {
          assertTrue(after > 0 && filesBefore.get(id) >= 5 * after, id + ": " + filesBefore.get(id) + " -> " + after);
        }
      }

      Table productTable = catalog.loadTable(product);
      assertNull(productTable.snapshot(oldest), "snapshots older than everything kept are expired");
      assertNotNull(productTable.snapshot(recorded), "silver's recorded position is kept");
      assertEquals(recordedCount, countAt(spark, settings.bronze("product"), recorded), "time travel to it");
      assertFalse(productTable.io().newInputFile(orphan).exists(), "the orphan file is removed");

      // The ingest's replay check still finds each table's last micro-batch in its ancestry.
      for (BronzeStream stream : BronzeStream.values()) {
        Table table = catalog.loadTable(TableIdentifier.of(bronze, stream.streamName()));
        MicroBatchMarker last = newestMarker(table);
        assertTrue(CommittedMicroBatches.find(table, last).isPresent(), stream + ": " + last);
      }

      // The pipelines go on: new events land once, and the next batch run reads only what was added.
      land(producer, config, spark, ROUNDS + 1);
      Map<String, BatchJobOutcome> next = new LinkedHashMap<>();
      batch(spark, config, settings).forEach(o -> next.put(o.job(), o));
      for (String job : JOBS) {
        assertEquals(BatchJobOutcome.Kind.INCREMENTAL, next.get(job).kind(), next.get(job).line());
      }
      long landed = 0;
      for (BronzeStream stream : BronzeStream.values()) {
        landed += spark.table(settings.bronze(stream.streamName())).count();
      }
      assertEquals(TOTAL_EVENTS, landed, "every event landed exactly once");
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  /** Sends one round of events and lands them in bronze (several micro-batches). */
  private static void land(TestEventProducer producer, LakehouseConfig config, SparkSession spark, int round)
      throws Exception {
    producer.sendValid((long) round * EVENTS_PER_ROUND, EVENTS_PER_ROUND, TOTAL_EVENTS, Duration.ofDays(2));
    StreamingMain.run(config, spark, IngestJob.LAYER, true, StreamingListener.silent());
  }

  private static List<BatchJobOutcome> batch(SparkSession spark, LakehouseConfig config, BatchSettings settings)
      throws Exception {
    return new BatchRun(spark, new PrintStream(OutputStream.nullOutputStream()), BatchMain.parallelism(config))
        .run(BatchJobs.select(settings, JOBS), false);
  }

  /** Row count and an order-independent checksum of every column. */
  private static List<Object> contents(SparkSession spark, LakehouseConfig config, TableIdentifier id) {
    Row r = spark.sql("SELECT count(*), sum(cast(xxhash64(*) AS DECIMAL(38, 0))) FROM "
        + config.get("catalog.name") + "." + id).first();
    return List.of(r.getLong(0), r.isNullAt(1) ? "empty" : r.getDecimal(1).toPlainString());
  }

  private static long dataFiles(Table table) {
    Snapshot current = table.currentSnapshot();
    return current == null ? 0 : Long.parseLong(current.summary().getOrDefault("total-data-files", "0"));
  }

  private static long countAt(SparkSession spark, String table, long snapshotId) {
    return spark.sql("SELECT count(*) FROM " + table + " VERSION AS OF " + snapshotId).first().getLong(0);
  }

  /** The snapshot of {@code source} that the newest batch commit of {@code target} recorded. */
  private static long recordedPosition(Catalog catalog, TableIdentifier target, String source) {
    Optional<Snapshot> commit = BatchCommits.lastBatchCommit(catalog.loadTable(target));
    assertTrue(commit.isPresent(), target + " has a batch commit");
    Long id = BatchCommits.sources(commit.get()).get(source);
    assertNotNull(id, target + " recorded " + source);
    return id;
  }

  private static MicroBatchMarker newestMarker(Table table) {
    for (Snapshot s : SnapshotUtil.currentAncestors(table)) {
      Optional<MicroBatchMarker> marker = MicroBatchMarker.of(s.summary());
      if (marker.isPresent()) {
        return marker.get();
      }
    }
    throw new AssertionError(table.name() + " has no marked snapshot");
  }

  /** A file in the table's data directory that no snapshot references (a crashed writer's leftover). */
  private static String writeOrphan(Table table) throws Exception {
    String location = table.location() + "/data/orphan-of-a-crashed-writer.avro";
    try (PositionOutputStream out = table.io().newOutputFile(location).createOrOverwrite()) {
      out.write("not committed".getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(table.io().newInputFile(location).exists());
    return location;
  }
}
