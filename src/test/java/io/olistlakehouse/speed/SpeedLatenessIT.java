package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import io.olistlakehouse.testing.TestPlatform;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Events within the allowed lateness correct their minute window; events later than it are kept in late_events
 * with their reason, as are records that cannot be decoded. Nothing is dropped.
 */
class SpeedLatenessIT {

  private static final Instant T0 = Instant.parse("2017-05-01T10:00:00Z");

  @Test
  void lateEventsAreCountedAndWindowsWithinTheLatenessAreCorrected() throws Exception {
    TestPlatform platform = TestPlatform.shared();
    LakehouseConfig config = platform.config().withOverrides(Map.of(
        "speed.topic.prefix", "lateness-it.",
        "speed.namespace", "speed_lateness_it",
        "speed.checkpoint.dir", platform.config().getPath("work.dir").resolve("checkpoints/speed-lateness-it")
            .toString(),
        "speed.watermark.delay.seconds", "60",
        "speed.allowed.lateness.seconds", "3600",
        "speed.kpi.window.seconds", "60"));
    SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, SpeedJob.LAYER.jobName()));
    try (SpeedEventsProducer events = new SpeedEventsProducer(config, "lateness-it.")) {
      events.status("A", "purchase", T0);
      events.estimate("A", T0, T0.plus(Duration.ofDays(5)));
      events.item("A", 1, T0, T0.plus(Duration.ofDays(2)), "10.00");
      events.payment("A", T0, "credit_card", "10.00");
      events.status("X", "purchase", T0.plus(Duration.ofMinutes(30)));
      events.flush();
      StreamingMain.run(config, spark, SpeedJob.LAYER, true, StreamingListener.silent());

      // The clock is now about T0 + 29 min: T0's window is open for another 32 min, T0 - 2 h's has closed.
      events.item("A", 2, T0.plusSeconds(20), T0.plus(Duration.ofDays(1)), "5.00");
      events.status("C", "purchase", T0.plus(Duration.ofMinutes(25)));
      events.status("D", "purchase", T0.minus(Duration.ofHours(2)));
      events.garbage(BronzeStream.ORDER_STATUS, "E");
      events.flush();
      StreamingMain.run(config, spark, SpeedJob.LAYER, true, StreamingListener.silent());
    }
    String ns = config.get("catalog.name") + ".speed_lateness_it.";

    Row t0 = spark.sql("SELECT orders, items, revenue, payments, payments_credit_card FROM " + ns + "kpi_minute "
        + "WHERE window_start = TIMESTAMP '2017-05-01 10:00:00 UTC'").collectAsList().get(0);
    assertEquals(1L, t0.getLong(0));
    assertEquals(2L, t0.getLong(1), "the late item within the lateness corrected its window");
    assertEquals(new BigDecimal("15.00"), t0.getDecimal(2));
    assertEquals(1L, t0.getLong(3));
    assertEquals(1L, t0.getLong(4));
    assertEquals(0L, spark.sql("SELECT * FROM " + ns + "kpi_minute WHERE window_start < "
        + "TIMESTAMP '2017-05-01 10:00:00 UTC'").count(), "the window closed beyond the lateness got nothing");
    assertEquals(3L, spark.sql("SELECT sum(orders) FROM " + ns + "kpi_minute").first().getLong(0));

    List<String> late = spark.sql("SELECT concat_ws('|', order_id, target, reason) FROM " + ns + "late_events "
        + "ORDER BY 1").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(3, late.size(), late.toString());
    assertTrue(late.contains("D|kpi_minute|window_closed"), late.toString());
    assertTrue(late.contains("D|order_delivery|order_state_evicted"), late.toString());
    assertTrue(late.stream().anyMatch(l -> l.startsWith("order_delivery|dead_letter:")), late.toString());

    List<String> orders = spark.sql("SELECT order_id FROM " + ns + "order_delivery ORDER BY 1")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("A", "C", "X"), orders);
    Row a = spark.sql("SELECT status, shipping_limit_at, overdue FROM " + ns + "order_delivery WHERE order_id = 'A'")
        .first();
    assertEquals("in_progress", a.getString(0));
    assertEquals(T0.plus(Duration.ofDays(1)), a.getTimestamp(1).toInstant(), "earliest shipping limit");
  }

  /**
   * An open order's state goes after its retention; an event after that starts a fresh state. Its row must not
   * replace the order's full row with what the fresh state knows: it is completed from the held row.
   */
  @Test
  void anOrderApprovedAfterItsStateWasEvictedKeepsItsEarlierMilestones() throws Exception {
    TestPlatform platform = TestPlatform.shared();
    LakehouseConfig config = platform.config().withOverrides(Map.of(
        "speed.topic.prefix", "evicted-it.",
        "speed.namespace", "speed_evicted_it",
        "speed.checkpoint.dir", platform.config().getPath("work.dir").resolve("checkpoints/speed-evicted-it")
            .toString(),
        "speed.watermark.delay.seconds", "60",
        "speed.allowed.lateness.seconds", "3600",
        "speed.open.order.retention.days", "1"));
    SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, SpeedJob.LAYER.jobName()));
    String table = config.get("catalog.name") + ".speed_evicted_it.order_delivery";
    try (SpeedEventsProducer events = new SpeedEventsProducer(config, "evicted-it.")) {
      events.status("P", "purchase", T0);
      events.estimate("P", T0, T0.plus(Duration.ofDays(2)));
      events.status("Z", "purchase", T0.plus(Duration.ofDays(4)));
      events.flush();
      StreamingMain.run(config, spark, SpeedJob.LAYER, true, StreamingListener.silent());
      // The clock is at T0 + 4 days: P passed its estimate (overdue) and its retention (estimate + 1 day).
      events.status("Y", "purchase", T0.plus(Duration.ofDays(4)).plus(Duration.ofHours(1)));
      events.flush();
      StreamingMain.run(config, spark, SpeedJob.LAYER, true, StreamingListener.silent());
      assertTrue(spark.sql("SELECT overdue FROM " + table + " WHERE order_id = 'P'").first().getBoolean(0),
          "P timed out: overdue, and its state evicted");
      events.status("P", "approved", T0.plus(Duration.ofDays(4)).plus(Duration.ofHours(2)));
      events.flush();
      StreamingMain.run(config, spark, SpeedJob.LAYER, true, StreamingListener.silent());
    }
    Row p = spark.sql("SELECT status, purchase_at, approved_at, estimated_delivery_at, purchase_to_approval_days, "
        + "overdue FROM " + table + " WHERE order_id = 'P'").first();
    assertEquals("in_progress", p.getString(0));
    assertEquals(java.sql.Timestamp.from(T0), p.getTimestamp(1), "the purchase the evicted state had seen is kept");
    assertEquals(T0.plus(Duration.ofDays(4)).plus(Duration.ofHours(2)), p.getTimestamp(2).toInstant());
    assertEquals(T0.plus(Duration.ofDays(2)), p.getTimestamp(3).toInstant());
    assertEquals(4, p.getInt(4), "lead days evaluated again over both");
    assertTrue(p.getBoolean(5), "still in progress past its estimate");
  }
}
