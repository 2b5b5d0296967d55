package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestSpark;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a real {@code bin/lakehouse speed --once} over the replayed sample at several points, restarting each
 * time: the final tables equal those of an uninterrupted run over the same topics (a replayed batch changes nothing).
 * Both runs maintain their tables every other batch, so kills also land around compactions and expiries.
 */
class SpeedCrashRecoveryIT {

  /** Small batches: enough batch boundaries to kill at, few enough to keep the test short. */
  private static final long OFFSETS_PER_BATCH = 15_000;
  /** Each run is killed right after this many batch reports (printed after the batch's commits, before Spark marks
   * the batch done: the moment that forces a replayed batch). */
  private static final int[] KILL_AFTER_BATCHES = {1, 2, 1};
  private static final Pattern BATCH_LINE = Pattern.compile("(?m)^micro-batch \\d+");
  private static final String MAINTENANCE_EVERY_BATCHES = "2";

  @Test
  void killedAndRestartedRunsEndWithTheSameTablesAsAnUninterruptedRun() throws Exception {
    TestPlatform platform = TestPlatform.shared();
    SampleReplay replay = SampleReplay.replay(platform);

    TestLauncher.Result clean = TestLauncher.run(platform, env(replay, "speed_kill_clean"), "speed",
        "--once");
    assertEquals(0, clean.exitCode(), clean.stderr());
    assertTrue(clean.stdout().contains(", maintenance "), "a batch reports its maintenance: " + clean.stdout());
    int cleanBatches = batches(clean.stdout());
    assertTrue(cleanBatches > KILL_AFTER_BATCHES.length + 1, "enough batches to kill between: " + cleanBatches);

    Map<String, String> killedEnv = env(replay, "speed_kill_killed");
    for (int after : KILL_AFTER_BATCHES) {
      TestLauncher.Running job = TestLauncher.start(platform, killedEnv, "speed", "--once");
      awaitBatches(job, after);
      assertTrue(job.alive(), "the run ended before its kill point: " + job.stdout() + job.stderr());
      job.kill9();
    }
    TestLauncher.Result last = TestLauncher.run(platform, killedEnv, "speed", "--once");
    assertEquals(0, last.exitCode(), last.stderr());

    String catalog = platform.config().get("catalog.name") + ".";
    SparkSession spark = TestSpark.session();
    for (String table : new String[] {SpeedTables.ORDER_DELIVERY, SpeedTables.KPI_MINUTE, SpeedTables.LATE_EVENTS}) {
      Dataset<Row> a = spark.table(catalog + "speed_kill_clean." + table);
      Dataset<Row> b = spark.table(catalog + "speed_kill_killed." + table);
      assertEquals(a.count(), b.count(), table + " row count");
      assertEquals(0, a.exceptAll(b).count(), table + ": rows of the clean run missing after the kills, e.g. "
          + a.exceptAll(b).limit(3).collectAsList());
      assertEquals(0, b.exceptAll(a).count(), table + ": extra rows after the kills");
    }
    assertFalse(spark.table(catalog + "speed_kill_clean.order_delivery").isEmpty());
    for (String table : new String[] {SpeedTables.ORDER_DELIVERY, SpeedTables.KPI_MINUTE}) {
      Table iceberg = Spark3Util.loadIcebergTable(spark, catalog + "speed_kill_killed." + table);
      assertTrue(StreamSupport.stream(iceberg.snapshots().spliterator(), false)
          .anyMatch(s -> DataOperations.REPLACE.equals(s.operation())
              && "0".equals(s.summary().get(SnapshotSummary.TOTAL_DELETE_FILES_PROP))),
          table + " was compacted down to no delete files at least once; snapshots (operation, delete files): "
              + StreamSupport.stream(iceberg.snapshots().spliterator(), false).map(s -> s.operation() + " "
                  + s.summary().get(SnapshotSummary.TOTAL_DELETE_FILES_PROP)).toList() + "; clean run: "
              + clean.stdout());
    }
  }

  private static Map<String, String> env(SampleReplay replay, String namespace) {
    Map<String, String> env = new HashMap<>(replay.speedEnv(namespace, OFFSETS_PER_BATCH));
    env.put(LakehouseConfig.envName("speed.maintenance.every.batches"), MAINTENANCE_EVERY_BATCHES);
    return env;
  }

  private static int batches(String stdout) {
    Matcher m = BATCH_LINE.matcher(stdout);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static void awaitBatches(TestLauncher.Running job, int batches) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (job.alive() && batches(job.stdout()) < batches && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
