package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.delivery.DeliveryStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTrackerTest {

  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();
  private final OrderTracker tracker = new OrderTracker(HOUR, 30 * DAY, new KpiWindows(60_000, HOUR));

  private static long t(String iso) {
    return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static List<SpeedEvent> opened() {
    return List.of(
        SpeedEvent.status("o1", "purchase", t("2017-10-02T23:50:00")),
        SpeedEvent.estimate("o1", t("2017-10-02T23:50:00"), t("2017-10-17T00:00:00")),
        SpeedEvent.item("o1", t("2017-10-02T23:50:00"), t("2017-10-06T10:00:00"), new BigDecimal("10.00")),
        SpeedEvent.item("o1", t("2017-10-02T23:50:00"), t("2017-10-05T10:00:00"), new BigDecimal("5.50")),
        SpeedEvent.payment("o1", t("2017-10-02T23:50:00"), "boleto", new BigDecimal("15.50")));
  }

  @Test
  void openOrderIsInProgressWithTheEarliestShippingLimitAndWaitsForItsEstimate() {
    TrackerOutcome out = tracker.onEvents("o1", null, opened(), t("2017-10-02T23:00:00"));
    assertEquals(DeliveryStatus.IN_PROGRESS, out.row().status());
    assertEquals(LocalDateTime.parse("2017-10-05T10:00:00"), out.row().milestones().shippingLimitAt());
    assertFalse(out.row().overdue());
    assertEquals(t("2017-10-17T00:00:00") + 1, out.timeoutAt());
    assertEquals(4, out.kpis().size(), "the estimate adds nothing to the KPIs");
    assertEquals(1, out.kpis().stream().mapToInt(KpiContribution::orders).sum());
    assertEquals(2, out.kpis().stream().mapToInt(KpiContribution::items).sum());
  }

  @Test
  void aPaymentWithoutItsOrderCountsInTheKpisButOpensNoOrder() {
    TrackerOutcome out = tracker.onEvents("orphan", null, List.of(
        SpeedEvent.payment("orphan", t("2017-10-02T23:50:00"), "boleto", new BigDecimal("15.50"))),
        t("2017-10-02T23:00:00"));
    assertNull(out.row());
    assertNull(out.state());
    assertEquals(1, out.kpis().size());
    assertTrue(out.late().isEmpty());
  }

  @Test
  void deliveryComputesLeadDaysAndDelaysAndCountsALateDelivery() {
    OrderState s = tracker.onEvents("o1", null, opened(), 0).state();
    TrackerOutcome out = tracker.onEvents("o1", s, List.of(
        SpeedEvent.status("o1", "approved", t("2017-10-03T00:10:00")),
        SpeedEvent.status("o1", "delivered_carrier", t("2017-10-06T15:00:00")),
        SpeedEvent.status("o1", "delivered_customer", t("2017-10-18T08:00:00"))), t("2017-10-18T07:00:00"));
    assertEquals(DeliveryStatus.DELIVERED, out.row().status());
    assertEquals(1, out.row().purchaseToApprovalDays());
    assertEquals(3, out.row().approvalToCarrierDays());
    assertEquals(12, out.row().carrierToCustomerDays());
    assertEquals(1, out.row().carrierDeliveryDelayDays());
    assertEquals(1, out.row().customerDeliveryDelayDays());
    assertEquals(1, out.kpis().stream().mapToInt(KpiContribution::lateDeliveries).sum());
    assertEquals(t("2017-10-18T08:00:00") + HOUR, out.timeoutAt(), "evicted at delivery plus lateness");
  }

  @Test
  void passingTheEstimateWhileOpenMakesTheOrderOverdueOnceThenExpires() {
    OrderState s = tracker.onEvents("o1", null, opened(), 0).state();
    TrackerOutcome before = tracker.onTimeout(s, t("2017-10-16T23:00:00"));
    assertNull(before.row(), "nothing changed before the estimate");
    TrackerOutcome after = tracker.onTimeout(before.state(), t("2017-10-17T00:30:00"));
    assertTrue(after.row().overdue());
    assertEquals(t("2017-10-17T00:00:00"), after.updatedAt());
    assertEquals(t("2017-10-17T00:00:00") + 30 * DAY, after.timeoutAt());
    assertNull(tracker.onTimeout(after.state(), t("2017-10-20T00:00:00")).row(), "overdue is written once");
    assertTrue(tracker.onTimeout(after.state(), t("2017-11-17T00:00:00")).evicted());
  }

  @Test
  void terminalEventWinsOverADeliveryAtTheSameTimeAndIsNeverOverdue() {
    long at = t("2017-10-18T08:00:00");
    TrackerOutcome out = tracker.onEvents("o1", tracker.onEvents("o1", null, opened(), 0).state(), List.of(
        SpeedEvent.status("o1", "delivered_customer", at), SpeedEvent.status("o1", "canceled", at)),
        t("2017-10-30T00:00:00") - 2 * HOUR);
    assertEquals(DeliveryStatus.CANCELED, out.row().status());
    assertFalse(out.row().overdue());
    assertEquals(DeliveryStatus.UNAVAILABLE, tracker.onEvents("o2", null,
        List.of(SpeedEvent.status("o2", "unavailable", at)), 0).row().status());
  }

  @Test
  void closedOrderIsEvictedAfterTheLatenessAndLaterEventsAreKeptAsLate() {
    long delivered = t("2017-10-18T08:00:00");
    OrderState s = tracker.onEvents("o1", null, opened(), 0).state();
    TrackerOutcome closed = tracker.onEvents("o1", s, List.of(SpeedEvent.status("o1", "delivered_customer",
        delivered)), delivered);
    assertFalse(closed.evicted());
    assertTrue(tracker.onTimeout(closed.state(), delivered + HOUR).evicted());
    TrackerOutcome late = tracker.onEvents("o1", null, List.of(SpeedEvent.status("o1", "approved",
        t("2017-10-03T00:10:00"))), delivered + 2 * HOUR);
    assertNull(late.row());
    assertTrue(late.evicted());
    assertEquals(List.of(LateEvent.ORDER_EVICTED), late.late().stream().map(LateEvent::reason).toList());
  }

  @Test
  void eventWithinTheLatenessStillOpensState() {
    long watermark = t("2017-10-03T00:30:00");
    TrackerOutcome out = tracker.onEvents("o1", null, opened(), watermark);
    assertTrue(out.late().isEmpty());
    assertEquals(DeliveryStatus.IN_PROGRESS, out.row().status());
  }

  @Test
  void duplicateMilestoneKeepsTheEarliestTime() {
    OrderState s = tracker.onEvents("o1", null, opened(), 0).state();
    OrderState again = tracker.onEvents("o1", s, List.of(SpeedEvent.status("o1", "purchase",
        t("2017-10-04T00:00:00"))), 0).state();
    assertEquals(t("2017-10-02T23:50:00"), again.getPurchaseAt());
  }

  @Test
  void unknownStatusFailsLoudly() {
    assertThrows(IllegalArgumentException.class, () -> tracker.onEvents("o1", null,
        List.of(SpeedEvent.status("o1", "shipped", 1L)), 0));
  }
}
