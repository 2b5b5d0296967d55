package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.it.PlatformFixture;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a real {@code bin/lakehouse speed --once} at several points, restarting each time: the final tables
 * equal those of an uninterrupted run over the same topics (replayed batches change nothing).
 */
class SpeedKillIT {

  private static final String PREFIX = "kill-it.";

  @Test
  void killedAndRestartedRunsEndWithTheSameTablesAsAnUninterruptedRun() throws Exception {
    PlatformFixture platform = PlatformFixture.shared();
    LakehouseConfig config = platform.config();
    SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, SpeedMain.JOB));
    try (SpeedEventsProducer producer = new SpeedEventsProducer(config.get("kafka.bootstrap.servers"),
        config.get("registry.url"), PREFIX)) {
      SampleFeed.feed(spark, OlistSample.dir(), producer);
    }

    SpeedProcess.Outcome clean = SpeedProcess.run(platform, settings(config, "speed_kill_clean"), 0);
    assertEquals(0, clean.exitCode(), clean.stderrTail());
    assertTrue(clean.batchesSeen() >= 6, "enough batches to kill between: " + clean.batchesSeen());

    Map<String, String> killed = settings(config, "speed_kill_killed");
    int kills = 0;
    for (int after : new int[] {1, 2, 2, 1}) {
      SpeedProcess.Outcome o = SpeedProcess.run(platform, killed, after);
      assertTrue(o.killed(), "run ended before its kill point: " + o);
      kills++;
    }
    SpeedProcess.Outcome last = SpeedProcess.run(platform, killed, 0);
    assertEquals(0, last.exitCode(), last.stderrTail());
    assertTrue(kills >= 3);

    String cat = config.get("catalog.name") + ".";
    for (String table : new String[] {SpeedTables.ORDER_DELIVERY, SpeedTables.KPI_MINUTE, SpeedTables.LATE_EVENTS}) {
      Dataset<Row> a = spark.table(cat + "speed_kill_clean." + table);
      Dataset<Row> b = spark.table(cat + "speed_kill_killed." + table);
      assertEquals(a.count(), b.count(), table + " row count");
      assertEquals(0, a.exceptAll(b).count(), table + ": rows of the clean run missing after the kills, e.g. "
          + a.exceptAll(b).limit(3).collectAsList());
      assertEquals(0, b.exceptAll(a).count(), table + ": extra rows after the kills");
    }
    assertFalse(spark.table(cat + "speed_kill_clean.order_delivery").isEmpty());
  }

  private static Map<String, String> settings(LakehouseConfig config, String namespace) {
    Map<String, String> s = new HashMap<>();
    s.put("speed.topic.prefix", PREFIX);
    s.put("speed.namespace", namespace);
    s.put("speed.checkpoint.dir", config.getPath("work.dir").resolve("checkpoints/" + namespace).toString());
    s.put("speed.max.offsets.per.trigger", "5000");
    s.put("speed.watermark.delay.seconds", "3600");
    s.put("speed.allowed.lateness.seconds", Long.toString(30L * 24 * 3600));
    return s;
  }
}
