package io.olistlakehouse.batch.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;

import io.olistlakehouse.batch.incremental.BatchInputs;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.Columns;
import io.olistlakehouse.batch.incremental.SourceTable;
import io.olistlakehouse.batch.incremental.TargetTable;
import io.olistlakehouse.contracts.BronzeStream;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver.order_line: one row per (order, product, seller) with the order's customer, the number of items
 * (quantity), the unit price (of its first item), the amount (sum of the items' prices) and the freight. The item
 * ids it sums are kept, so each line traces back to its bronze order_item rows; an item sent twice counts once.
 */
public final class OrderLineJob extends SilverJob {

  public OrderLineJob(BatchSettings settings) {
    super(settings);
  }

  @Override
  protected String table() {
    return "order_line";
  }

  @Override
  public TargetTable target() {
    return new TargetTable(targetName(), "order_id STRING, product_id STRING, seller_id STRING, "
        + "customer_id STRING, quantity INT, unit_price DECIMAL(12,2), amount DECIMAL(18,2), freight DECIMAL(18,2), "
        + "shipping_limit_at TIMESTAMP, order_item_ids ARRAY<INT>, event_time TIMESTAMP",
        List.of("order_id", "product_id", "seller_id"), List.of("order_id"), null, null, true);
  }

  @Override
  public List<SourceTable> sources() {
    return List.of(bronze(BronzeStream.ORDER_ITEM), bronze(BronzeStream.ORDER_STATUS));
  }

  @Override
  public Dataset<Row> touched(BatchInputs in) {
    return in.changes(bronze(BronzeStream.ORDER_ITEM)).select("order_id")
        .union(in.changes(bronze(BronzeStream.ORDER_STATUS)).select("order_id"));
  }

  @Override
  public Dataset<Row> rows(BatchInputs in, Dataset<Row> scope) {
    Dataset<Row> items = SilverRows.firstPerKey(within(in.all(bronze(BronzeStream.ORDER_ITEM)), scope)
            .select(SilverRows.withLineage(BronzeStream.ORDER_ITEM, col("order_id"), col("order_item_id"),
                col("product_id"), col("seller_id"), col("price"), col("freight_value"), col("shipping_limit_at"))),
        List.of("order_id", "order_item_id"), col("event_time").asc());
    Dataset<Row> customers = within(in.all(bronze(BronzeStream.ORDER_STATUS)), scope).groupBy("order_id")
        .agg(expr("min_by(customer_id, event_time)").as("customer_id"));
    return items.groupBy("order_id", "product_id", "seller_id").agg(
            count("*").cast("int").as("quantity"),
            expr("min_by(price, order_item_id)").as("unit_price"),
            sum("price").cast("decimal(18,2)").as("amount"),
            sum("freight_value").cast("decimal(18,2)").as("freight"),
            min("shipping_limit_at").as("shipping_limit_at"),
            sort_array(collect_list("order_item_id")).as("order_item_ids"),
            min("event_time").as("event_time"))
        .join(customers, Columns.seq("order_id"), "left")
        .select("order_id", "product_id", "seller_id", "customer_id", "quantity", "unit_price", "amount", "freight",
            "shipping_limit_at", "order_item_ids", "event_time");
  }
}
