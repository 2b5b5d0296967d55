package io.olistlakehouse.replay;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the replay rules imply for a folder of Olist CSVs, computed with Spark's own CSV reader and SQL, apart from
 * the replayer's code path: if the replayer drops, duplicates or invents events, the two disagree.
 */
final class OlistExpectedCounts {

  private OlistExpectedCounts() {}

  static Map<String, Long> of(SparkSession spark, Path dir) {
    String[][] files = {{"orders", "olist_orders_dataset.csv"}, {"items", "olist_order_items_dataset.csv"},
        {"payments", "olist_order_payments_dataset.csv"}, {"reviews", "olist_order_reviews_dataset.csv"},
        {"customers", "olist_customers_dataset.csv"}, {"sellers", "olist_sellers_dataset.csv"},
        {"geolocation", "olist_geolocation_dataset.csv"}};
    for (String[] f : files) {
      // All columns as text: zip prefixes keep their leading zeros; reviews hold quoted newlines.
      spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
          .csv(dir.resolve(f[1]).toString()).createOrReplaceTempView("olist_" + f[0]);
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("order_status", count(spark, """
        SELECT sum(CASE WHEN present(order_purchase_timestamp) THEN 1 ELSE 0 END)
             + sum(CASE WHEN present(order_approved_at) THEN 1 ELSE 0 END)
             + sum(CASE WHEN present(order_delivered_carrier_date) THEN 1 ELSE 0 END)
             + sum(CASE WHEN present(order_delivered_customer_date) THEN 1 ELSE 0 END)
             + sum(CASE WHEN order_status IN ('canceled', 'unavailable') THEN 1 ELSE 0 END)
        FROM olist_orders"""));
    expected.put("payment", count(spark, "SELECT count(*) FROM olist_payments"));
    expected.put("order_item", count(spark, "SELECT count(*) FROM olist_items"));
    expected.put("estimated_delivery_date", count(spark,
        "SELECT count(*) FROM olist_orders WHERE present(order_estimated_delivery_date)"));
    expected.put("review", count(spark, "SELECT count(*) FROM olist_reviews"));
    expected.put("product", count(spark, "SELECT count(DISTINCT product_id) FROM olist_items"));
    expected.put("seller", count(spark, "SELECT count(DISTINCT seller_id) FROM olist_items"));
    expected.put("customer", count(spark, """
        SELECT count(DISTINCT o.customer_id) FROM olist_orders o
        JOIN olist_customers c ON c.customer_id = o.customer_id"""));
    expected.put("geolocation", count(spark, """
        SELECT count(DISTINCT zip) FROM (
          SELECT c.customer_zip_code_prefix AS zip FROM olist_orders o
          JOIN olist_customers c ON c.customer_id = o.customer_id
          UNION ALL
          SELECT s.seller_zip_code_prefix AS zip FROM olist_items i
          JOIN olist_sellers s ON s.seller_id = i.seller_id
        ) z WHERE zip IN (SELECT geolocation_zip_code_prefix FROM olist_geolocation)"""));
    return expected;
  }

  private static long count(SparkSession spark, String sql) {
    Row row = spark.sql(sql.replaceAll("present\\((\\w+)\\)", "coalesce(trim($1), '') <> ''")).first();
    return row.isNullAt(0) ? 0 : ((Number) row.get(0)).longValue();
  }
}
