package io.olistlakehouse.batch.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;

import io.olistlakehouse.batch.incremental.BatchInputs;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.SourceTable;
import io.olistlakehouse.batch.incremental.TargetTable;
import io.olistlakehouse.contracts.BronzeStream;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * silver.order_event: one row per order milestone. The status changes (purchase, approved, delivered_carrier,
 * delivered_customer, canceled, unavailable) keep their earliest time, as the speed layer does, so a duplicate
 * event changes nothing; {@code estimated_delivery} is the latest estimate sent; {@code shipping_limit} is the
 * earliest limit among the order's items. A status the contract does not know is kept as its own milestone.
 */
public final class OrderEventJob extends SilverJob {

  public static final String ESTIMATED_DELIVERY = "estimated_delivery";
  public static final String SHIPPING_LIMIT = "shipping_limit";
  private static final List<String> KEY = List.of("order_id", "milestone");

  public OrderEventJob(BatchSettings settings) {
    super(settings);
  }

  @Override
  protected String table() {
    return "order_event";
  }

  @Override
  public TargetTable target() {
    return new TargetTable(targetName(), "order_id STRING, milestone STRING, milestone_at TIMESTAMP, "
        + "customer_id STRING, " + SilverRows.LINEAGE_DDL, KEY, List.of("order_id"), null, null, true);
  }

  @Override
  public List<SourceTable> sources() {
    return List.of(bronze(BronzeStream.ORDER_STATUS), bronze(BronzeStream.ESTIMATED_DELIVERY_DATE),
        bronze(BronzeStream.ORDER_ITEM));
  }

  @Override
  public Dataset<Row> touched(BatchInputs in) {
    Dataset<Row> orders = null;
    for (SourceTable source : sources()) {
      Dataset<Row> ids = in.changes(source).select("order_id");
      orders = orders == null ? ids : orders.union(ids);
    }
    return orders;
  }

  /**
   * A full run picks among all bronze events; an incremental one among the target's rows of the touched orders
   * and the new events, which is the same pick since each row keeps the time and coordinates it was picked by.
   */
  @Override
  public Dataset<Row> rows(BatchInputs in, Dataset<Row> scope) {
    if (scope == null) {
      return pick(in::all, null);
    }
    return pick(in::changes, within(in.target(), scope));
  }

  private Dataset<Row> pick(Function<SourceTable, Dataset<Row>> read, Dataset<Row> current) {
    Dataset<Row> statuses = read.apply(bronze(BronzeStream.ORDER_STATUS))
        .select(SilverRows.withLineage(BronzeStream.ORDER_STATUS, col("order_id"),
            lower(col("status")).as("milestone"), col("event_time").as("milestone_at"), col("customer_id")));
    Dataset<Row> limits = read.apply(bronze(BronzeStream.ORDER_ITEM))
        .select(SilverRows.withLineage(BronzeStream.ORDER_ITEM, col("order_id"),
            lit(SHIPPING_LIMIT).as("milestone"), col("shipping_limit_at").as("milestone_at"),
            lit(null).cast("string").as("customer_id")));
    Dataset<Row> estimates = read.apply(bronze(BronzeStream.ESTIMATED_DELIVERY_DATE))
        .select(SilverRows.withLineage(BronzeStream.ESTIMATED_DELIVERY_DATE, col("order_id"),
            lit(ESTIMATED_DELIVERY).as("milestone"), col("estimated_delivery_at").as("milestone_at"),
            lit(null).cast("string").as("customer_id")));
    Dataset<Row> earlier = statuses.unionByName(limits);
    if (current != null) {
      Column isEstimate = col("milestone").equalTo(ESTIMATED_DELIVERY);
      earlier = earlier.unionByName(current.where(functions.not(isEstimate)));
      estimates = estimates.unionByName(current.where(isEstimate));
    }
    Dataset<Row> earliest = SilverRows.firstPerKey(earlier, KEY, col("milestone_at").asc_nulls_last(),
        col("event_time").asc_nulls_last());
    return earliest.unionByName(SilverRows.latestPerKey(estimates, KEY));
  }
}
