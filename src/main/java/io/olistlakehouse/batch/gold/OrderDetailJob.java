package io.olistlakehouse.batch.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import io.olistlakehouse.batch.incremental.BatchInputs;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.Columns;
import io.olistlakehouse.batch.incremental.SourceTable;
import io.olistlakehouse.batch.incremental.TargetTable;
import io.olistlakehouse.portfolio.CategoryNames;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold.fact_order_detail: one row per (order, product, seller) with the product's category, quantity, unit price,
 * amount, customer, purchase time and delivery time. An order is touched when its lines or milestones change, or
 * when the category of one of its products does.
 */
public final class OrderDetailJob extends GoldJob {

  public static final String TABLE = "fact_order_detail";

  public OrderDetailJob(BatchSettings settings) {
    super(settings);
  }

  @Override
  protected String table() {
    return TABLE;
  }

  @Override
  public TargetTable target() {
    return new TargetTable(targetName(), "order_id STRING, product_id STRING, seller_id STRING, category STRING, "
        + "quantity INT, unit_price DECIMAL(12,2), amount DECIMAL(18,2), freight DECIMAL(18,2), customer_id STRING, "
        + "purchase_at TIMESTAMP, delivered_customer_at TIMESTAMP",
        List.of("order_id", "product_id", "seller_id"), List.of("order_id"), null, null, true);
  }

  @Override
  public List<SourceTable> sources() {
    return List.of(silver("order_line"), silver("order_event"), silver("product"));
  }

  @Override
  public List<String> dependsOn() {
    return List.of("silver.order_line", "silver.order_event", "silver.product");
  }

  @Override
  public Dataset<Row> touched(BatchInputs in) {
    Dataset<Row> recategorized = in.all(silver("order_line"))
        .join(in.changes(silver("product")).select("product_id"), Columns.seq("product_id"), "left_semi");
    return in.changes(silver("order_line")).select("order_id")
        .union(in.changes(silver("order_event")).select("order_id"))
        .union(recategorized.select("order_id"));
  }

  @Override
  public Dataset<Row> rows(BatchInputs in, Dataset<Row> scope) {
    Dataset<Row> times = within(in.all(silver("order_event")), scope).groupBy("order_id").agg(
        max(when(col("milestone").equalTo("purchase"), col("milestone_at"))).as("purchase_at"),
        max(when(col("milestone").equalTo("delivered_customer"), col("milestone_at"))).as("delivered_customer_at"));
    Dataset<Row> categories = in.all(silver("product")).select("product_id", "category");
    return within(in.all(silver("order_line")), scope)
        .join(categories, Columns.seq("product_id"), "left")
        .join(times, Columns.seq("order_id"), "left")
        .select(col("order_id"), col("product_id"), col("seller_id"),
            coalesce(col("category"), lit(CategoryNames.UNKNOWN)).as("category"), col("quantity"),
            col("unit_price"), col("amount"), col("freight"), col("customer_id"), col("purchase_at"),
            col("delivered_customer_at"));
  }
}
