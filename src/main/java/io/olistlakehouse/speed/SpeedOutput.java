package io.olistlakehouse.speed;

import io.olistlakehouse.delivery.OrderDelivery;
import io.olistlakehouse.delivery.OrderDeliveryTable;
import java.sql.Timestamp;
import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The tracker's output rows, one layout for three kinds: an order's current row ({@link #ORDER}), an event's KPI
 * contribution ({@link #KPI}) and an event kept as late ({@link #LATE}). Each row carries the watermark it was
 * produced at, so the batch writer judges KPI lateness on the same clock as the order state.
 */
public final class SpeedOutput {

  public static final String ORDER = "order";
  public static final String KPI = "kpi";
  public static final String LATE = "late";

  /** The columns of lakehouse.speed.order_delivery, in table order. */
  public static final String[] ORDER_COLUMNS = OrderDeliveryTable.COLUMNS;

  private static final DataType TS = DataTypes.TimestampType;
  private static final DataType INT = DataTypes.IntegerType;
  private static final DataType MONEY = DataTypes.createDecimalType(12, 2);

  public static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("order_id", DataTypes.StringType).add("status", DataTypes.StringType)
      .add("purchase_at", TS).add("approved_at", TS).add("delivered_carrier_at", TS)
      .add("delivered_customer_at", TS).add("estimated_delivery_at", TS).add("shipping_limit_at", TS)
      .add("purchase_to_approval_days", INT).add("approval_to_carrier_days", INT)
      .add("carrier_to_customer_days", INT).add("carrier_delivery_delay_days", INT)
      .add("customer_delivery_delay_days", INT).add("overdue", DataTypes.BooleanType).add("updated_at", TS)
      .add("stream", DataTypes.StringType).add("event_status", DataTypes.StringType).add("event_time", TS)
      .add("window_start", TS).add("window_end", TS)
      .add("orders", INT).add("items", INT).add("revenue", MONEY).add("payment_type", DataTypes.StringType)
      .add("payment_value", MONEY).add("deliveries", INT).add("late_deliveries", INT)
      .add("target", DataTypes.StringType).add("reason", DataTypes.StringType).add("watermark", TS);

  private static final int WIDTH = SCHEMA.size();

  private SpeedOutput() {}

  public static Row order(OrderDelivery d, long updatedAt, long watermark) {
    Object[] v = blank(ORDER, watermark);
    Object[] columns = OrderDeliveryTable.values(d, new Timestamp(updatedAt));
    for (int i = 0; i < ORDER_COLUMNS.length; i++) {
      set(v, ORDER_COLUMNS[i], columns[i]);
    }
    return RowFactory.create(v);
  }

  public static Row kpi(KpiContribution k, KpiWindows windows, long watermark) {
    Object[] v = blank(KPI, watermark);
    set(v, "window_start", new Timestamp(windows.start(k.eventTime())));
    set(v, "window_end", new Timestamp(windows.end(k.eventTime())));
    set(v, "order_id", k.orderId());
    set(v, "stream", k.stream());
    set(v, "event_time", new Timestamp(k.eventTime()));
    set(v, "orders", k.orders());
    set(v, "items", k.items());
    set(v, "revenue", k.revenue());
    set(v, "payment_type", k.paymentType());
    set(v, "payment_value", k.paymentValue());
    set(v, "deliveries", k.deliveries());
    set(v, "late_deliveries", k.lateDeliveries());
    return RowFactory.create(v);
  }

  public static Row late(LateEvent e, long watermark) {
    Object[] v = blank(LATE, watermark);
    set(v, "order_id", e.orderId());
    set(v, "stream", e.stream());
    set(v, "event_status", e.status());
    set(v, "event_time", e.eventTime() == null ? null : new Timestamp(e.eventTime()));
    set(v, "target", e.target());
    set(v, "reason", e.reason());
    return RowFactory.create(v);
  }

  private static Object[] blank(String kind, long watermark) {
    Object[] v = new Object[WIDTH];
    Arrays.fill(v, null);
    v[0] = kind;
    set(v, "watermark", new Timestamp(watermark));
    return v;
  }

  private static void set(Object[] values, String column, Object value) {
    values[SCHEMA.fieldIndex(column)] = value;
  }
}
