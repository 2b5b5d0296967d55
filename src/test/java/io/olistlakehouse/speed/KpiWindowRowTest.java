package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class KpiWindowRowTest {

  private static final KpiWindows WINDOWS = new KpiWindows(60_000, 0);
  /** kpi_minute's columns, as SpeedTables creates them (timestamps with zone, as Spark's TIMESTAMP maps). */
  static final Schema KPI_MINUTE = new Schema(
      Types.NestedField.required(1, "window_start", Types.TimestampType.withZone()),
      Types.NestedField.optional(2, "window_end", Types.TimestampType.withZone()),
      Types.NestedField.optional(3, "orders", Types.LongType.get()),
      Types.NestedField.optional(4, "items", Types.LongType.get()),
      Types.NestedField.optional(5, "revenue", Types.DecimalType.of(18, 2)),
      Types.NestedField.optional(6, "payments", Types.LongType.get()),
      Types.NestedField.optional(7, "payment_value", Types.DecimalType.of(18, 2)),
      Types.NestedField.optional(8, "payments_credit_card", Types.LongType.get()),
      Types.NestedField.optional(9, "payments_boleto", Types.LongType.get()),
      Types.NestedField.optional(10, "payments_voucher", Types.LongType.get()),
      Types.NestedField.optional(11, "payments_debit_card", Types.LongType.get()),
      Types.NestedField.optional(12, "payments_other", Types.LongType.get()),
      Types.NestedField.optional(13, "deliveries", Types.LongType.get()),
      Types.NestedField.optional(14, "late_deliveries", Types.LongType.get()));

  static Row kpi(KpiContribution k) {
    return SpeedOutput.kpi(k, WINDOWS, 0);
  }

  @Test
  void contributionsAddUpPerColumnAndUnknownPaymentTypesCountAsOther() {
    KpiWindowRow w = new KpiWindowRow(60_000, 120_000);
    w.add(kpi(KpiContribution.order("o1", 61_000)));
    w.add(kpi(KpiContribution.item("o1", 62_000, new BigDecimal("10.50"))));
    w.add(kpi(KpiContribution.item("o1", 62_000, new BigDecimal("4.25"))));
    w.add(kpi(KpiContribution.payment("o1", 63_000, "boleto", new BigDecimal("14.75"))));
    w.add(kpi(KpiContribution.payment("o2", 63_000, "not_defined", new BigDecimal("1.00"))));
    w.add(kpi(KpiContribution.delivery("o3", 64_000, true)));
    w.add(kpi(KpiContribution.delivery("o4", 64_000, false)));

    Record r = w.toRecord(KPI_MINUTE);
    assertEquals(1L, r.getField("orders"));
    assertEquals(2L, r.getField("items"));
    assertEquals(new BigDecimal("14.75"), r.getField("revenue"));
    assertEquals(2L, r.getField("payments"));
    assertEquals(new BigDecimal("15.75"), r.getField("payment_value"));
    assertEquals(1L, r.getField("payments_boleto"));
    assertEquals(1L, r.getField("payments_other"));
    assertEquals(0L, r.getField("payments_credit_card"));
    assertEquals(2L, r.getField("deliveries"));
    assertEquals(1L, r.getField("late_deliveries"));
    assertEquals(SpeedRecords.timestamptz(120_000), r.getField("window_end"));
  }

  @Test
  void aBatchsSumsPlusTheTablesRowAreTheNewRow() {
    KpiWindowRow table = new KpiWindowRow(60_000, 120_000);
    table.add(kpi(KpiContribution.payment("o1", 61_000, "voucher", new BigDecimal("3.00"))));
    KpiWindowRow stored = KpiWindowRow.fromRecord(table.toRecord(KPI_MINUTE));
    KpiWindowRow batch = new KpiWindowRow(60_000, 120_000);
    batch.add(kpi(KpiContribution.payment("o2", 62_000, "voucher", new BigDecimal("2.00"))));
    batch.add(kpi(KpiContribution.order("o2", 62_000)));

    Record sum = batch.plus(stored).toRecord(KPI_MINUTE);
    Map<String, Object> expected = Map.of("payments", 2L, "payments_voucher", 2L, "orders", 1L,
        "payment_value", new BigDecimal("5.00"), "revenue", new BigDecimal("0.00"));
    expected.forEach((column, value) -> assertEquals(value, sum.getField(column), column));
  }
}
