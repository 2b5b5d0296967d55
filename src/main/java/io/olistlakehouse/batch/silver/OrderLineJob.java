package io.olistlakehouse.batch.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
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
 * (quantity), the unit price (of its first item), the amount (sum of the items' prices) and the freight. The line
 * keeps its items with their bronze coordinates, so it traces back to its bronze order_item rows, an item sent twice
 * counts once, and an incremental run recomputes a line from its kept items and the new ones alone.
 */
public final class OrderLineJob extends SilverJob {

  private static final String ITEM_COLUMNS = "order_item_id, price, freight_value, shipping_limit_at, event_time, "
      + "bronze_partition, bronze_offset";

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
        + "shipping_limit_at TIMESTAMP, items ARRAY<STRUCT<order_item_id: INT, price: DECIMAL(12,2), "
        + "freight_value: DECIMAL(12,2), shipping_limit_at: TIMESTAMP, event_time: TIMESTAMP, bronze_partition: INT, "
        + "bronze_offset: BIGINT>>, event_time TIMESTAMP",
        List.of("order_id", "product_id", "seller_id"), List.of("order_id"), null, null, true);
  }

  @Override
  public List<SourceTable> sources() {
    return List.of(bronze(BronzeStream.ORDER_ITEM), bronze(BronzeStream.ORDER_STATUS));
  }

  /** A duplicate item with an earlier time can move an item to another (product, seller): that line then goes. */
  @Override
  public boolean scopeCanShrink() {
    return true;
  }

  @Override
  public Dataset<Row> touched(BatchInputs in) {
    return in.changes(bronze(BronzeStream.ORDER_ITEM)).select("order_id")
        .union(in.changes(bronze(BronzeStream.ORDER_STATUS)).select("order_id"));
  }

  @Override
  public Dataset<Row> rows(BatchInputs in, Dataset<Row> scope) {
    if (scope == null) {
      return lines(items(in.all(bronze(BronzeStream.ORDER_ITEM))),
          customers(in.all(bronze(BronzeStream.ORDER_STATUS))));
    }
    Dataset<Row> current = within(in.target(), scope);
    Dataset<Row> kept = current.select(col("order_id"), col("product_id"), col("seller_id"),
            explode(col("items")).as("i"))
        .select(col("order_id"), col("i.order_item_id"), col("product_id"), col("seller_id"), col("i.price"),
            col("i.freight_value"), col("i.shipping_limit_at"), col("i.event_time"),
            lit(BronzeStream.ORDER_ITEM.streamName()).as(SilverRows.BRONZE_TABLE), col("i.bronze_partition"),
            col("i.bronze_offset"));
    // The customer is an attribute of the order: the one a line already has, else the new status events'.
    Dataset<Row> customers = customers(in.changes(bronze(BronzeStream.ORDER_STATUS)))
        .join(current.groupBy("order_id").agg(first("customer_id", true).as("known")), Columns.seq("order_id"),
            "full")
        .select(col("order_id"), coalesce(col("known"), col("customer_id")).as("customer_id"));
    return lines(items(in.changes(bronze(BronzeStream.ORDER_ITEM))).unionByName(kept), customers);
  }

  private static Dataset<Row> items(Dataset<Row> bronzeItems) {
    return bronzeItems.select(SilverRows.withLineage(BronzeStream.ORDER_ITEM, col("order_id"), col("order_item_id"),
        col("product_id"), col("seller_id"), col("price"), col("freight_value"), col("shipping_limit_at")));
  }

  private static Dataset<Row> customers(Dataset<Row> statusEvents) {
    return statusEvents.groupBy("order_id").agg(expr("min_by(customer_id, event_time)").as("customer_id"));
  }

  private static Dataset<Row> lines(Dataset<Row> items, Dataset<Row> customers) {
    Dataset<Row> distinct = SilverRows.firstPerKey(items, List.of("order_id", "order_item_id"),
        col("event_time").asc());
    return distinct.groupBy("order_id", "product_id", "seller_id").agg(
            count("*").cast("int").as("quantity"),
            expr("min_by(price, order_item_id)").as("unit_price"),
            sum("price").cast("decimal(18,2)").as("amount"),
            sum("freight_value").cast("decimal(18,2)").as("freight"),
            min("shipping_limit_at").as("shipping_limit_at"),
            sort_array(collect_list(struct(Columns.cols(List.of(ITEM_COLUMNS.split(", ")))))).as("items"),
            min("event_time").as("event_time"))
        .join(customers, Columns.seq("order_id"), "left")
        .select("order_id", "product_id", "seller_id", "customer_id", "quantity", "unit_price", "amount", "freight",
            "shipping_limit_at", "items", "event_time");
  }
}
