package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.delivery.OrderDeliveryTable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** An order evicted while open and then approved: its fragment row is completed from the row the table holds. */
class EvictedOrderRowsTest {

  private static final Schema TABLE = schema();

  private static Schema schema() {
    List<Types.NestedField> fields = new ArrayList<>();
    int id = 1;
    for (String c : OrderDeliveryTable.COLUMNS) {
      Type type = c.endsWith("_at") ? Types.TimestampType.withZone() : c.endsWith("_days") ? Types.IntegerType.get()
          : c.equals("overdue") ? Types.BooleanType.get() : Types.StringType.get();
      fields.add(Types.NestedField.optional(id++, c, type));
    }
    return new Schema(fields);
  }

  /** A clock minus an open-order retention that no row of these tests reaches. */
  private static final LocalDateTime LONG_AGO = LocalDateTime.parse("2000-01-01T00:00:00");

  private static OffsetDateTime t(String s) {
    return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
  }

  private static Record row(String status, String purchase, String approved, String estimate, String updated) {
    Record r = GenericRecord.create(TABLE);
    r.setField("order_id", "o1");
    r.setField("status", status);
    r.setField("purchase_at", purchase == null ? null : t(purchase));
    r.setField("approved_at", approved == null ? null : t(approved));
    r.setField("estimated_delivery_at", estimate == null ? null : t(estimate));
    r.setField("overdue", false);
    r.setField("updated_at", t(updated));
    return r;
  }

  @Test
  void aFragmentTakesTheHeldMilestonesAndIsEvaluatedAgain() {
    Record held = row("in_progress", "2016-10-05T18:06:48", null, "2016-11-17T00:00:00", "2016-11-17T00:00:00");
    Record fragment = row("unavailable", null, "2017-04-11T15:17:38", null, "2017-04-11T15:17:38");
    assertTrue(EvictedOrderRows.isFragment(fragment, LONG_AGO));
    Record done = EvictedOrderRows.complete(fragment, held, LocalDateTime.parse("2017-04-11T15:20:00"));
    assertEquals("unavailable", done.getField("status"));
    assertEquals(t("2016-10-05T18:06:48"), done.getField("purchase_at"));
    assertEquals(t("2017-04-11T15:17:38"), done.getField("approved_at"));
    assertEquals(t("2016-11-17T00:00:00"), done.getField("estimated_delivery_at"));
    assertEquals(188, done.getField("purchase_to_approval_days"));
    assertEquals(false, done.getField("overdue"), "a closed order is never overdue");
    assertEquals(t("2017-04-11T15:17:38"), done.getField("updated_at"));
  }

  @Test
  void anOpenOrderCompletedIsOverdueAgainstTheClock() {
    Record held = row("in_progress", "2017-01-02T10:00:00", null, "2017-01-20T00:00:00", "2017-01-20T00:00:00");
    Record fragment = row("in_progress", null, "2017-06-01T09:00:00", null, "2017-06-01T09:00:00");
    Record done = EvictedOrderRows.complete(fragment, held, LocalDateTime.parse("2017-06-01T09:05:00"));
    assertEquals("in_progress", done.getField("status"));
    assertEquals(true, done.getField("overdue"));
    assertEquals(150, done.getField("purchase_to_approval_days"));
  }

  @Test
  void onlyRowsWithALaterMilestoneButNoPurchaseAreFragments() {
    assertFalse(EvictedOrderRows.isFragment(row("in_progress", "2017-01-02T10:00:00", null, null,
        "2017-01-02T10:00:00"), LONG_AGO), "a row with its purchase is whole");
    assertFalse(EvictedOrderRows.isFragment(row("in_progress", null, null, "2017-01-20T00:00:00",
        "2017-01-02T10:00:00"), LONG_AGO), "payments, items and the estimate come with the purchase: not evicted");
    assertTrue(EvictedOrderRows.isFragment(row("canceled", null, null, null, "2017-03-01T00:00:00"), LONG_AGO));
  }

  @Test
  void aPurchaseOlderThanTheOpenRetentionIsAReopenedOrderCompletedFromTheHeldRow() {
    // The order's state was evicted 90 days past its estimate; a duplicate of its purchase opened a fresh one.
    Record held = row("in_progress", "2016-09-04T21:15:19", "2016-10-07T13:18:03", "2016-10-20T00:00:00",
        "2016-10-07T13:18:03");
    Record duplicate = row("in_progress", "2016-09-04T21:15:19", null, null, "2016-09-04T21:15:19");
    LocalDateTime clock = LocalDateTime.parse("2018-08-01T00:00:00");
    assertTrue(EvictedOrderRows.isFragment(duplicate, clock.minusDays(90)));
    assertFalse(EvictedOrderRows.isFragment(duplicate, LocalDateTime.parse("2016-09-01T00:00:00")),
        "a purchase within the retention belongs to a live order");
    assertTrue(EvictedOrderRows.isFragment(row("in_progress", null, null, "2016-10-20T00:00:00",
        "2016-09-04T21:15:19"), clock.minusDays(90)), "a re-sent estimate of an evicted order, without its purchase");
    Record done = EvictedOrderRows.complete(duplicate, held, clock);
    assertEquals(t("2016-10-07T13:18:03"), done.getField("approved_at"));
    assertEquals(t("2016-10-20T00:00:00"), done.getField("estimated_delivery_at"));
    assertEquals(33, done.getField("purchase_to_approval_days"));
    assertEquals(true, done.getField("overdue"), "still in progress, long past its estimate");
  }
}
