package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import io.olistlakehouse.streaming.StreamingRun;
import io.olistlakehouse.testing.TestOlistSample;
import io.olistlakehouse.testing.TestPlatform;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The Olist sample replayed by {@code bin/lakehouse replay --max}, then {@code speed --once}: one row per order, statuses, lead days and delays equal
 * to a direct calculation from the CSVs for every order, late deliveries counted in the table and in the KPIs.
 */
class SpeedSampleIT {

  private static final String NS = "speed_sample_it";

  @Test
  void everyOrderMatchesADirectCalculationFromTheCsvs() throws Exception {
    TestPlatform platform = TestPlatform.shared();
    SampleReplay replay = SampleReplay.replay(platform);
    // The whole backlog in one micro-batch, as speed --once lands a replay that is already complete.
    LakehouseConfig config = platform.config().withOverrides(replay.speed(NS, 1_000_000));
    SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, SpeedJob.LAYER.jobName()));
    Path sample = TestOlistSample.dir();
    StreamingRun.Summary<SpeedMicroBatchReport> summary =
        StreamingMain.run(config, spark, SpeedJob.LAYER, true, StreamingListener.silent());

    String table = config.get("catalog.name") + "." + NS + ".";
    for (String f : new String[] {"orders", "items", "payments"}) {
      spark.read().option("header", "true").csv(sample.resolve("olist_" + (f.equals("orders") ? "orders"
          : "order_" + f) + "_dataset.csv").toString()).createOrReplaceTempView("csv_" + f);
    }
    Dataset<Row> expected = spark.sql("SELECT o.order_id, CASE WHEN o.order_status IN ('canceled', 'unavailable') "
        + "THEN o.order_status WHEN o.order_delivered_customer_date IS NOT NULL THEN 'delivered' "
        + "ELSE 'in_progress' END AS status, "
        + "datediff(to_date(o.order_approved_at), to_date(o.order_purchase_timestamp)) AS p2a, "
        + "datediff(to_date(o.order_delivered_carrier_date), to_date(o.order_approved_at)) AS a2c, "
        + "datediff(to_date(o.order_delivered_customer_date), to_date(o.order_delivered_carrier_date)) AS c2c, "
        + "datediff(to_date(o.order_delivered_carrier_date), to_date(l.shipping_limit)) AS carrier_delay, "
        + "datediff(to_date(o.order_delivered_customer_date), to_date(o.order_estimated_delivery_date)) "
        + "AS customer_delay FROM csv_orders o LEFT JOIN (SELECT order_id, min(shipping_limit_date) AS "
        + "shipping_limit FROM csv_items GROUP BY order_id) l ON o.order_id = l.order_id");
    Dataset<Row> actual = spark.sql("SELECT order_id, status, purchase_to_approval_days, approval_to_carrier_days, "
        + "carrier_to_customer_days, carrier_delivery_delay_days, customer_delivery_delay_days FROM "
        + table + "order_delivery");

    long orders = expected.count();
    assertEquals(orders, actual.count(), "one row per order");
    assertEquals(orders, actual.select("order_id").distinct().count());
    assertEquals(0, expected.exceptAll(actual).count(), () -> "expected rows missing, e.g. "
        + expected.exceptAll(actual).limit(5).collectAsList() + " vs "
        + actual.exceptAll(expected).limit(5).collectAsList());
    assertEquals(0, actual.exceptAll(expected).count());

    long late = expected.where("customer_delay > 0").count();
    assertTrue(late > 0, "the sample has late deliveries");
    assertEquals(late, spark.sql("SELECT * FROM " + table + "order_delivery WHERE customer_delivery_delay_days > 0")
        .count());
    Row kpis = spark.sql("SELECT sum(orders), sum(items), sum(payments), sum(late_deliveries), sum(deliveries) FROM "
        + table + "kpi_minute").first();
    assertEquals(orders, kpis.getLong(0));
    assertEquals(spark.table("csv_items").count(), kpis.getLong(1));
    assertEquals(spark.table("csv_payments").count(), kpis.getLong(2));
    assertEquals(late, kpis.getLong(3), "late deliveries in the KPIs");
    assertEquals(spark.sql("SELECT * FROM csv_orders WHERE order_delivered_customer_date IS NOT NULL").count(),
        kpis.getLong(4));
    assertEquals(0, spark.table(table + "late_events").count(), "nothing late within 30 days of lateness");

    Row closed = spark.sql("SELECT count(*), count_if(overdue) FROM " + table + "order_delivery WHERE status IN "
        + "('canceled', 'unavailable')").first();
    assertTrue(closed.getLong(0) > 0, "the sample has canceled and unavailable orders");
    assertEquals(0L, closed.getLong(1), "closed orders are never overdue");
    Row open = spark.sql("SELECT count(*), count_if(overdue) FROM " + table + "order_delivery WHERE status = "
        + "'in_progress'").first();
    // The event-time clock ended at the latest event minus the watermark delay: open orders past their estimate by
    // then are overdue, the others not.
    long pastEstimate = spark.sql("SELECT count(*) FROM " + table + "order_delivery WHERE status = 'in_progress' "
        + "AND estimated_delivery_at < (SELECT max(greatest(purchase_at, approved_at, delivered_carrier_at, "
        + "delivered_customer_at)) - INTERVAL 1 HOUR FROM " + table + "order_delivery)").first().getLong(0);
    assertEquals(pastEstimate, open.getLong(1), "overdue = open while the clock is past the estimate");
    System.out.printf("sample: %d orders, %d late deliveries, %d canceled/unavailable, %d in progress (%d overdue); "
        + "%s%n", orders, late, closed.getLong(0), open.getLong(0), open.getLong(1), summary);
  }
}
