package io.olistlakehouse.speed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.spark.sql.Row;

/**
 * One row of speed.kpi_minute as the batch writer keeps it: a minute window's totals, to which a batch adds the KPI
 * contributions of its events. The column names are the table's; money keeps the table's two decimals.
 */
final class KpiWindowRow {

  /** Per payment type columns, in the order of {@link KpiWindows#PAYMENT_TYPES}, then the catch-all. */
  static final List<String> PAYMENT_TYPE_COLUMNS = List.of("payments_credit_card", "payments_boleto",
      "payments_voucher", "payments_debit_card", "payments_other");

  private static final int MONEY_SCALE = 2;

  // Positions of the tracker's output columns, found once (output rows need not carry their schema).
  private static final int WINDOW_END = SpeedOutput.SCHEMA.fieldIndex("window_end");
  private static final int ORDERS = SpeedOutput.SCHEMA.fieldIndex("orders");
  private static final int ITEMS = SpeedOutput.SCHEMA.fieldIndex("items");
  private static final int REVENUE = SpeedOutput.SCHEMA.fieldIndex("revenue");
  private static final int PAYMENT_TYPE = SpeedOutput.SCHEMA.fieldIndex("payment_type");
  private static final int PAYMENT_VALUE = SpeedOutput.SCHEMA.fieldIndex("payment_value");
  private static final int DELIVERIES = SpeedOutput.SCHEMA.fieldIndex("deliveries");
  private static final int LATE_DELIVERIES = SpeedOutput.SCHEMA.fieldIndex("late_deliveries");

  private final long windowStart;
  private long windowEnd;
  private long orders;
  private long items;
  private BigDecimal revenue = BigDecimal.ZERO.setScale(MONEY_SCALE);
  private long payments;
  private BigDecimal paymentValue = BigDecimal.ZERO.setScale(MONEY_SCALE);
  private final long[] paymentsByType = new long[PAYMENT_TYPE_COLUMNS.size()];
  private long deliveries;
  private long lateDeliveries;

  KpiWindowRow(long windowStart, long windowEnd) {
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
  }

  long windowStart() {
    return windowStart;
  }

  long windowEnd() {
    return windowEnd;
  }

  /** Adds one KPI contribution row of the tracker's output ({@link SpeedOutput#KPI}). */
  void add(Row kpi) {
    windowEnd = Math.max(windowEnd, millis(kpi, WINDOW_END));
    orders += intOf(kpi, ORDERS);
    items += intOf(kpi, ITEMS);
    revenue = revenue.add(money(kpi.getDecimal(REVENUE)));
    String type = kpi.getString(PAYMENT_TYPE);
    if (type != null) {
      payments++;
      int typeIndex = KpiWindows.PAYMENT_TYPES.indexOf(type);
      paymentsByType[typeIndex < 0 ? paymentsByType.length - 1 : typeIndex]++;
    }
    paymentValue = paymentValue.add(money(kpi.getDecimal(PAYMENT_VALUE)));
    deliveries += intOf(kpi, DELIVERIES);
    lateDeliveries += intOf(kpi, LATE_DELIVERIES);
  }

  /** This window's totals plus another's (the row already in the table). */
  KpiWindowRow plus(KpiWindowRow other) {
    KpiWindowRow sum = new KpiWindowRow(windowStart, Math.max(windowEnd, other.windowEnd));
    sum.orders = orders + other.orders;
    sum.items = items + other.items;
    sum.revenue = revenue.add(other.revenue);
    sum.payments = payments + other.payments;
    sum.paymentValue = paymentValue.add(other.paymentValue);
    for (int i = 0; i < paymentsByType.length; i++) {
      sum.paymentsByType[i] = paymentsByType[i] + other.paymentsByType[i];
    }
    sum.deliveries = deliveries + other.deliveries;
    sum.lateDeliveries = lateDeliveries + other.lateDeliveries;
    return sum;
  }

  /** The table's row of this window. */
  Record toRecord(org.apache.iceberg.Schema schema) {
    Record r = GenericRecord.create(schema);
    r.setField("window_start", SpeedRecords.timestamptz(windowStart));
    r.setField("window_end", SpeedRecords.timestamptz(windowEnd));
    r.setField("orders", orders);
    r.setField("items", items);
    r.setField("revenue", revenue);
    r.setField("payments", payments);
    r.setField("payment_value", paymentValue);
    for (int i = 0; i < paymentsByType.length; i++) {
      r.setField(PAYMENT_TYPE_COLUMNS.get(i), paymentsByType[i]);
    }
    r.setField("deliveries", deliveries);
    r.setField("late_deliveries", lateDeliveries);
    return r;
  }

  /** A window as the table holds it (nulls, which no writer of this job leaves, count as zero). */
  static KpiWindowRow fromRecord(Record r) {
    KpiWindowRow w = new KpiWindowRow(millis((OffsetDateTime) r.getField("window_start")),
        millis((OffsetDateTime) r.getField("window_end")));
    w.orders = longOf(r, "orders");
    w.items = longOf(r, "items");
    w.revenue = money((BigDecimal) r.getField("revenue"));
    w.payments = longOf(r, "payments");
    w.paymentValue = money((BigDecimal) r.getField("payment_value"));
    for (int i = 0; i < w.paymentsByType.length; i++) {
      w.paymentsByType[i] = longOf(r, PAYMENT_TYPE_COLUMNS.get(i));
    }
    w.deliveries = longOf(r, "deliveries");
    w.lateDeliveries = longOf(r, "late_deliveries");
    return w;
  }

  private static long millis(OffsetDateTime t) {
    return t == null ? 0L : t.toInstant().toEpochMilli();
  }

  private static long millis(Row row, int column) {
    Timestamp t = row.getTimestamp(column);
    return t == null ? 0L : t.getTime();
  }

  private static int intOf(Row row, int column) {
    return row.isNullAt(column) ? 0 : row.getInt(column);
  }

  private static long longOf(Record r, String column) {
    Object v = r.getField(column);
    return v == null ? 0L : ((Number) v).longValue();
  }

  /** Money with the table's scale; contributions already have it, so nothing is ever rounded in practice. */
  private static BigDecimal money(BigDecimal v) {
    return v == null ? BigDecimal.ZERO.setScale(MONEY_SCALE) : v.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY);
  }
}
