package io.olistlakehouse.batch.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import io.olistlakehouse.batch.incremental.BatchInputs;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.SourceTable;
import io.olistlakehouse.batch.incremental.TargetTable;
import io.olistlakehouse.delivery.DeliveryRules;
import io.olistlakehouse.delivery.DeliveryStatus;
import io.olistlakehouse.delivery.OrderDelivery;
import io.olistlakehouse.delivery.OrderDeliveryTable;
import io.olistlakehouse.delivery.OrderMilestones;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * gold.fact_order_lead_days: one row per order, the columns of speed.order_delivery computed by the same
 * {@link DeliveryRules}. {@code overdue} is judged against the batch's event-time clock, the latest event time in
 * silver.order_event; when the clock moves, open orders it passes the estimate of are touched too.
 */
public final class OrderLeadDaysJob extends GoldJob {

  private static final String[] MILESTONES = {"purchase", "approved", "delivered_carrier", "delivered_customer",
      "estimated_delivery", "shipping_limit", "canceled", "unavailable"};

  public OrderLeadDaysJob(BatchSettings settings) {
    super(settings);
  }

  @Override
  protected String table() {
    return "fact_order_lead_days";
  }

  @Override
  public TargetTable target() {
    return new TargetTable(targetName(), OrderDeliveryTable.COLUMNS_DDL, List.of("order_id"), List.of("order_id"),
        null, null, false);
  }

  @Override
  public List<SourceTable> sources() {
    return List.of(events());
  }

  @Override
  public List<String> dependsOn() {
    return List.of("silver.order_event");
  }

  private SourceTable events() {
    return silver("order_event");
  }

  @Override
  public Dataset<Row> touched(BatchInputs in) {
    Timestamp clock = clock(in);
    Dataset<Row> changed = in.changes(events()).select("order_id");
    if (clock == null) {
      return changed;
    }
    Dataset<Row> nowOverdue = in.target().where(col("status").equalTo(DeliveryStatus.IN_PROGRESS.value())
        .and(col("overdue").equalTo(false)).and(col("estimated_delivery_at").lt(clock))).select("order_id");
    return changed.union(nowOverdue);
  }

  @Override
  public Dataset<Row> rows(BatchInputs in, Dataset<Row> scope) {
    Timestamp clock = clock(in);
    Dataset<Row> events = within(in.all(events()), scope);
    Column[] aggregates = new Column[MILESTONES.length + 1];
    for (int i = 0; i < MILESTONES.length; i++) {
      aggregates[i] = min(when(col("milestone").equalTo(MILESTONES[i]), col("milestone_at"))).as(MILESTONES[i]);
    }
    aggregates[MILESTONES.length] = max("event_time").as("last_event_at");
    StructType schema = in.target().schema();
    LocalDateTime eventClock = OrderDeliveryTable.time(clock);
    return events.groupBy("order_id").agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length))
        .map((MapFunction<Row, Row>) r -> RowFactory.create(evaluate(r, eventClock)), Encoders.row(schema));
  }

  private static Object[] evaluate(Row r, LocalDateTime clock) {
    LocalDateTime canceled = at(r, "canceled");
    LocalDateTime unavailable = at(r, "unavailable");
    DeliveryStatus terminal = canceled == null && unavailable == null ? null
        : unavailable == null || (canceled != null && !canceled.isAfter(unavailable)) ? DeliveryStatus.CANCELED
        : DeliveryStatus.UNAVAILABLE;
    OrderMilestones m = new OrderMilestones(r.getString(r.fieldIndex("order_id")), at(r, "purchase"),
        at(r, "approved"), at(r, "delivered_carrier"), at(r, "delivered_customer"), at(r, "estimated_delivery"),
        at(r, "shipping_limit"), terminal);
    OrderDelivery d = DeliveryRules.evaluate(m, clock);
    return OrderDeliveryTable.values(d, OrderDeliveryTable.ts(OrderDeliveryTable.updatedAt(d,
        at(r, "last_event_at"))));
  }

  private static LocalDateTime at(Row r, String field) {
    return OrderDeliveryTable.time(r.getTimestamp(r.fieldIndex(field)));
  }

  /** The latest event time the batch has processed: its event-time clock. */
  private Timestamp clock(BatchInputs in) {
    return in.remember("clock", () -> {
      Row r = in.all(events()).agg(max("event_time")).first();
      return r.isNullAt(0) ? null : r.getTimestamp(0);
    });
  }
}
