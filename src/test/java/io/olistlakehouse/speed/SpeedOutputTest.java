package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.olistlakehouse.delivery.DeliveryRules;
import io.olistlakehouse.delivery.OrderMilestones;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SpeedOutputTest {

  @Test
  void orderColumnsAreTheTablesAndTimesAreUtcInstants() {
    OrderMilestones m = OrderMilestones.empty("o1").withPurchaseAt(LocalDateTime.parse("2017-10-02T23:50:00"))
        .withEstimatedDeliveryAt(LocalDateTime.parse("2017-10-17T00:00:00"));
    Row row = SpeedOutput.order(DeliveryRules.evaluate(m, null), 5L, 7L);
    assertEquals(SpeedOutput.ORDER, row.getString(0));
    for (String c : SpeedOutput.ORDER_COLUMNS) {
      assertEquals(true, Arrays.asList(SpeedOutput.SCHEMA.fieldNames()).contains(c), c);
    }
    assertEquals(Instant.parse("2017-10-02T23:50:00Z"),
        ((Timestamp) row.get(SpeedOutput.SCHEMA.fieldIndex("purchase_at"))).toInstant());
    assertEquals("in_progress", row.get(SpeedOutput.SCHEMA.fieldIndex("status")));
    assertEquals(new Timestamp(7L), row.get(SpeedOutput.SCHEMA.fieldIndex("watermark")));
  }

  @Test
  void kpiRowCarriesItsWindow() {
    KpiWindows w = new KpiWindows(60_000, 0);
    Row row = SpeedOutput.kpi(KpiContribution.item("o1", 90_000, new BigDecimal("2.50")), w, 0);
    assertEquals(new Timestamp(60_000), row.get(SpeedOutput.SCHEMA.fieldIndex("window_start")));
    assertEquals(new Timestamp(120_000), row.get(SpeedOutput.SCHEMA.fieldIndex("window_end")));
    assertEquals(1, row.get(SpeedOutput.SCHEMA.fieldIndex("items")));
    assertNull(row.get(SpeedOutput.SCHEMA.fieldIndex("status")));
  }
}
