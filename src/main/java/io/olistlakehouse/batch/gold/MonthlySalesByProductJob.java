package io.olistlakehouse.batch.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;

import io.olistlakehouse.batch.incremental.BatchInputs;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.Columns;
import io.olistlakehouse.batch.incremental.SourceTable;
import io.olistlakehouse.batch.incremental.TargetTable;
import io.olistlakehouse.portfolio.PortfolioGroup;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * gold.fact_monthly_sales_by_product: one row per (product, sales_period), the month of the delivery to the
 * customer (delivered orders only), with quantity (items), amount (sum of prices), mean_sales = amount / quantity
 * and the {@link PortfolioGroup} against the exact lower medians of its (category, sales_period) cell
 * ({@code percentile_disc(0.5)}). Only the cells that changed order details fall in, now or before, are recomputed.
 */
public final class MonthlySalesByProductJob extends GoldJob {

  private static final List<String> CELL = List.of("category", "sales_period");
  private static final UserDefinedFunction GROUP = udf((UDF4<Long, Double, Long, Double, String>) (q, mean, medQ,
      medP) -> PortfolioGroup.classify(q, mean, medQ, medP).label(), DataTypes.StringType);

  public MonthlySalesByProductJob(BatchSettings settings) {
    super(settings);
  }

  @Override
  protected String table() {
    return "fact_monthly_sales_by_product";
  }

  @Override
  public TargetTable target() {
    return new TargetTable(targetName(), "product_id STRING, sales_period DATE, category STRING, "
        + "total_sales_quantity BIGINT, total_sales_amount DECIMAL(18,2), mean_sales DOUBLE, "
        + "cell_median_quantity BIGINT, cell_median_mean_sales DOUBLE, portfolio_group STRING",
        List.of("product_id", "sales_period"), CELL, null, "sales_period, category", false);
  }

  @Override
  public List<SourceTable> sources() {
    return List.of(gold(OrderDetailJob.TABLE));
  }

  @Override
  public List<String> dependsOn() {
    return List.of("gold." + OrderDetailJob.TABLE);
  }

  /** A product recategorised, or a delivery moved to another month, leaves its old cell. */
  @Override
  public boolean scopeCanShrink() {
    return true;
  }

  @Override
  public Dataset<Row> touched(BatchInputs in) {
    Dataset<Row> changed = in.changes(gold(OrderDetailJob.TABLE));
    // A changed detail may have left a cell (its product recategorised, its delivery moved): the cells its
    // products are in now are recomputed too.
    Dataset<Row> before = in.target().join(changed.select("product_id"), Columns.seq("product_id"), "left_semi");
    return delivered(changed).select(Columns.cols(CELL)).union(before.select(Columns.cols(CELL)));
  }

  @Override
  public Dataset<Row> rows(BatchInputs in, Dataset<Row> scope) {
    Dataset<Row> sales = within(delivered(in.all(gold(OrderDetailJob.TABLE))), scope)
        .groupBy("product_id", "sales_period", "category")
        .agg(sum("quantity").cast("bigint").as("total_sales_quantity"),
            sum("amount").cast("decimal(18,2)").as("total_sales_amount"))
        .withColumn("mean_sales", col("total_sales_amount").cast("double").divide(col("total_sales_quantity")));
    Dataset<Row> medians = sales.groupBy(Columns.cols(CELL)).agg(
        expr("percentile_disc(0.5) WITHIN GROUP (ORDER BY total_sales_quantity)").cast("bigint")
            .as("cell_median_quantity"),
        expr("percentile_disc(0.5) WITHIN GROUP (ORDER BY mean_sales)").as("cell_median_mean_sales"));
    Column group = GROUP.apply(col("total_sales_quantity"), col("mean_sales"), col("cell_median_quantity"),
        col("cell_median_mean_sales"));
    return sales.join(medians, Columns.seq(CELL)).select(col("product_id"), col("sales_period"), col("category"),
        col("total_sales_quantity"), col("total_sales_amount"), col("mean_sales"), col("cell_median_quantity"),
        col("cell_median_mean_sales"), group.as("portfolio_group"));
  }

  private static Dataset<Row> delivered(Dataset<Row> details) {
    return details.where(col("delivered_customer_at").isNotNull())
        .withColumn("sales_period", to_date(date_trunc("month", col("delivered_customer_at"))));
  }
}
