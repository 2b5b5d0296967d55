package io.olistlakehouse.serve;

import io.olistlakehouse.batch.incremental.BatchSettings;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * serve.delayed_orders recomputed in plain Java from the merged deliveries, gold's order lines and monthly groups:
 * "order|priority|days_overdue|best_group" in the view's order.
 */
final class DelayedOrdersTruth {

  private static final List<String> RANKED = List.of("Star Products", "Volume Drivers", "Niche Gems",
      "Question Marks");

  private DelayedOrdersTruth() {}

  /**
   * @param deliveries rows of order_id, status, overdue, carrier at, shipping limit at (yyyy-MM-dd HH:mm:ss),
   *     estimated date, updated date (yyyy-MM-dd)
   */
  static List<String> compute(SparkSession spark, BatchSettings settings, List<List<String>> deliveries) {
    Map<String, LocalDate> latestPeriod = new HashMap<>();
    Map<String, String> latestGroup = new HashMap<>();
    for (Row r : spark.sql("SELECT product_id, sales_period, portfolio_group FROM "
        + settings.gold("fact_monthly_sales_by_product")).collectAsList()) {
      LocalDate period = r.getDate(1).toLocalDate();
      if (!latestPeriod.containsKey(r.getString(0)) || period.isAfter(latestPeriod.get(r.getString(0)))) {
        latestPeriod.put(r.getString(0), period);
        latestGroup.put(r.getString(0), r.getString(2));
      }
    }
    Map<String, List<String>> products = new HashMap<>();
    for (Row r : spark.sql("SELECT DISTINCT order_id, product_id FROM " + settings.gold("fact_order_detail"))
        .collectAsList()) {
      products.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
    }
    LocalDate clock = deliveries.stream().map(d -> d.get(6)).filter(d -> d != null).map(LocalDate::parse)
        .max(Comparator.naturalOrder()).orElseThrow();
    record Delayed(String order, int priority, long days) {}
    List<Delayed> delayed = new ArrayList<>();
    for (List<String> d : deliveries) {
      boolean lateToCarrier = d.get(3) != null && d.get(4) != null && d.get(3).compareTo(d.get(4)) > 0;
      if (!d.get(1).equals("in_progress") || !(Boolean.parseBoolean(d.get(2)) || lateToCarrier)) {
        continue;
      }
      long days = d.get(5) == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(d.get(5)), clock));
      int priority = products.getOrDefault(d.get(0), List.of()).stream().map(latestGroup::get)
          .mapToInt(g -> g == null ? 5 : RANKED.indexOf(g) + 1).min().orElse(5);
      delayed.add(new Delayed(d.get(0), priority, days));
    }
    delayed.sort(Comparator.comparingInt(Delayed::priority).thenComparing(Delayed::days, Comparator.reverseOrder())
        .thenComparing(Delayed::order));
    return delayed.stream().map(x -> x.order() + "|" + x.priority() + "|" + x.days() + "|"
        + (x.priority() == 5 ? "no group yet" : RANKED.get(x.priority() - 1))).toList();
  }
}
