package io.olistlakehouse.batch;

import io.olistlakehouse.batch.incremental.BatchSettings;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The headline of the batch layer: how many (product, month) rows each portfolio group holds, and the five
 * categories with the largest delivered amount.
 */
public record PortfolioSummary(String table, Map<String, Long> groups, Map<String, BigDecimal> topCategories) {

  public static PortfolioSummary read(SparkSession spark, BatchSettings settings) {
    String table = settings.gold("fact_monthly_sales_by_product");
    Map<String, Long> groups = new LinkedHashMap<>();
    for (Row r : spark.sql("SELECT portfolio_group, count(*) FROM " + table
        + " GROUP BY portfolio_group ORDER BY portfolio_group").collectAsList()) {
      groups.put(r.getString(0), r.getLong(1));
    }
    Map<String, BigDecimal> top = new LinkedHashMap<>();
    for (Row r : spark.sql("SELECT category, sum(total_sales_amount) AS amount FROM " + table
        + " GROUP BY category ORDER BY amount DESC, category LIMIT 5").collectAsList()) {
      top.put(r.getString(0), r.getDecimal(1));
    }
    return new PortfolioSummary(table, groups, top);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("portfolio groups (product-months) in " + table + ":\n");
    groups.forEach((g, n) -> s.append(String.format(Locale.ROOT, "  %-15s %,8d%n", g, n)));
    s.append("top five categories by delivered amount:\n");
    topCategories.forEach((c, a) -> s.append(String.format(Locale.ROOT, "  %-40s %,14.2f%n", c, a)));
    return s.toString().stripTrailing();
  }
}
