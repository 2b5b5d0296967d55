package io.olistlakehouse.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {

  private static LocalDateTime t(String iso) {
    return LocalDateTime.parse(iso);
  }

  private static OrderMilestones delivered() {
    return OrderMilestones.empty("o1")
        .withPurchaseAt(t("2017-10-02T23:50:00"))
        .withApprovedAt(t("2017-10-03T00:10:00"))
        .withDeliveredCarrierAt(t("2017-10-06T15:00:00"))
        .withDeliveredCustomerAt(t("2017-10-18T08:00:00"))
        .withEstimatedDeliveryAt(t("2017-10-17T00:00:00"))
        .withShippingLimitAt(t("2017-10-05T10:00:00"));
  }

  @Test
  void leadDaysAreCalendarDayDifferencesWhateverTheTimeOfDay() {
    OrderDelivery d = DeliveryRules.evaluate(delivered(), t("2017-10-20T00:00:00"));
    assertEquals(1, d.purchaseToApprovalDays(), "23:50 -> 00:10 crosses midnight: one calendar day");
    assertEquals(3, d.approvalToCarrierDays());
    assertEquals(12, d.carrierToCustomerDays());
    assertEquals(1, d.carrierDeliveryDelayDays(), "handed to the carrier a day after the shipping limit");
    assertEquals(1, d.customerDeliveryDelayDays());
    assertTrue(d.late());
    assertEquals(DeliveryStatus.DELIVERED, d.status());
    assertFalse(d.overdue(), "a delivered order is never overdue");
  }

  @Test
  void sameDayDeliveryAfterTheEstimatedMidnightIsNotLate() {
    OrderMilestones m = delivered().withDeliveredCustomerAt(t("2017-10-17T21:00:00"));
    assertEquals(0, DeliveryRules.evaluate(m, null).customerDeliveryDelayDays());
    assertFalse(DeliveryRules.late(m));
  }

  @Test
  void unknownTimestampsGiveNullDaysNotZero() {
    OrderMilestones m = OrderMilestones.empty("o2").withPurchaseAt(t("2018-01-01T10:00:00"));
    OrderDelivery d = DeliveryRules.evaluate(m, t("2018-01-02T00:00:00"));
    assertNull(d.purchaseToApprovalDays());
    assertNull(d.customerDeliveryDelayDays());
    assertEquals(DeliveryStatus.IN_PROGRESS, d.status());
    assertFalse(d.overdue(), "without an estimate nothing is overdue");
  }

  @Test
  void overdueOnlyWhileInProgressAndTheClockIsPastTheEstimate() {
    OrderMilestones open = OrderMilestones.empty("o3").withPurchaseAt(t("2018-01-01T10:00:00"))
        .withEstimatedDeliveryAt(t("2018-01-20T00:00:00"));
    assertFalse(DeliveryRules.overdue(open, t("2018-01-20T00:00:00")), "at the estimate it is not yet past it");
    assertTrue(DeliveryRules.overdue(open, t("2018-01-20T00:00:01")));
    assertFalse(DeliveryRules.overdue(open.withTerminalStatus(DeliveryStatus.CANCELED), t("2018-02-01T00:00:00")),
        "canceled orders are closed, not overdue");
    assertFalse(DeliveryRules.overdue(open.withDeliveredCustomerAt(t("2018-01-25T00:00:00")),
        t("2018-02-01T00:00:00")));
  }

  @Test
  void aTerminalEventWinsOverADelivery() {
    OrderMilestones m = delivered().withTerminalStatus(DeliveryStatus.UNAVAILABLE);
    assertEquals(DeliveryStatus.UNAVAILABLE, DeliveryRules.status(m));
    assertThrows(IllegalArgumentException.class, () -> m.withTerminalStatus(DeliveryStatus.DELIVERED));
  }

  @Test
  void theOrdersShippingLimitIsTheEarliestOfItsItems() {
    OrderMilestones m = OrderMilestones.empty("o4")
        .withShippingLimitAt(t("2018-03-05T00:00:00"))
        .withShippingLimitAt(t("2018-03-03T00:00:00"))
        .withShippingLimitAt(t("2018-03-04T00:00:00"));
    assertEquals(t("2018-03-03T00:00:00"), m.shippingLimitAt());
  }

  @Test
  void statusValuesAreTheLowerCaseNamesTablesStore() {
    assertEquals("in_progress", DeliveryStatus.IN_PROGRESS.value());
    assertEquals(DeliveryStatus.CANCELED, DeliveryStatus.fromValue("canceled"));
  }
}
