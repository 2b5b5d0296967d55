package io.olistlakehouse.speed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Feeds the Olist sample's order events to Kafka the way the replayer derives them (a milestone event per present
 * timestamp, the terminal event at the last known timestamp, estimate, items and payments at the purchase), in
 * event-time order. Stands in for {@code bin/lakehouse replay --max} in tests until the replayer is merged.
 */
final class SampleFeed {

  private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private record Timed(Instant at, Consumer<SpeedEventsProducer> send) {}

  private SampleFeed() {}

  static int feed(SparkSession spark, Path dir, SpeedEventsProducer out) {
    List<Timed> events = new ArrayList<>();
    for (Row o : csv(spark, dir.resolve("olist_orders_dataset.csv"))) {
      String id = o.getAs("order_id");
      Instant purchase = time(o.getAs("order_purchase_timestamp"));
      events.add(new Timed(purchase, p -> p.status(id, "purchase", purchase)));
      Instant estimate = time(o.getAs("order_estimated_delivery_date"));
      if (estimate != null) {
        events.add(new Timed(purchase, p -> p.estimate(id, purchase, estimate)));
      }
      Instant last = purchase;
      for (String[] m : new String[][] {{"order_approved_at", "approved"},
          {"order_delivered_carrier_date", "delivered_carrier"},
          {"order_delivered_customer_date", "delivered_customer"}}) {
        Instant at = time(o.getAs(m[0]));
        if (at != null) {
          events.add(new Timed(at, p -> p.status(id, m[1], at)));
          last = at.isAfter(last) ? at : last;
        }
      }
      String status = o.getAs("order_status");
      if ("canceled".equals(status) || "unavailable".equals(status)) {
        Instant at = last;
        events.add(new Timed(at, p -> p.status(id, status, at)));
      }
    }
    List<Row> orders = csv(spark, dir.resolve("olist_orders_dataset.csv"));
    Map<String, Instant> purchases = new HashMap<>();
    orders.forEach(o -> purchases.put(o.getAs("order_id"), time(o.getAs("order_purchase_timestamp"))));
    for (Row i : csv(spark, dir.resolve("olist_order_items_dataset.csv"))) {
      String id = i.getAs("order_id");
      Instant at = purchases.get(id);
      events.add(new Timed(at, p -> p.item(id, Integer.parseInt(i.getAs("order_item_id")), at,
          time(i.getAs("shipping_limit_date")), money(i.getAs("price")))));
    }
    for (Row pay : csv(spark, dir.resolve("olist_order_payments_dataset.csv"))) {
      String id = pay.getAs("order_id");
      Instant at = purchases.get(id);
      events.add(new Timed(at, p -> p.payment(id, at, pay.getAs("payment_type"),
          money(pay.getAs("payment_value")))));
    }
    events.sort(Comparator.comparing(Timed::at));
    events.forEach(e -> e.send().accept(out));
    out.flush();
    return events.size();
  }

  private static List<Row> csv(SparkSession spark, Path file) {
    return spark.read().option("header", "true").csv(file.toString()).collectAsList();
  }

  private static Instant time(String csv) {
    return csv == null || csv.isBlank() ? null
        : LocalDateTime.parse(csv, CSV_TIME).toInstant(ZoneOffset.UTC);
  }

  private static String money(String csv) {
    return new BigDecimal(csv).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }
}
