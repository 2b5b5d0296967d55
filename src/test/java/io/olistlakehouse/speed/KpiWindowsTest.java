package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiWindowsTest {

  private static final long MINUTE = 60_000;
  private final KpiWindows windows = new KpiWindows(MINUTE, 10 * MINUTE);

  private static long t(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void eventsFallInTheTumblingMinuteThatContainsThem() {
    assertEquals(t("2017-05-01T10:00:00Z"), windows.start(t("2017-05-01T10:00:59.999Z")));
    assertEquals(t("2017-05-01T10:01:00Z"), windows.start(t("2017-05-01T10:01:00Z")));
    assertEquals(t("2017-05-01T10:01:00Z"), windows.end(t("2017-05-01T10:00:00Z")));
  }

  @Test
  void windowClosesWhenTheWatermarkPassesItsEndPlusTheLateness() {
    long event = t("2017-05-01T10:00:30Z");
    assertFalse(windows.closed(event, t("2017-05-01T10:10:59.999Z")), "still within the lateness");
    assertTrue(windows.closed(event, t("2017-05-01T10:11:00Z")));
  }

  @Test
  void trackerSendsAContributionToAClosedWindowToTheLateEventsNotTheWindow() {
    OrderTracker tracker = new OrderTracker(10 * MINUTE, 30 * 24 * 60 * MINUTE, windows);
    long watermark = t("2017-05-01T12:00:00Z");
    OrderState open = tracker.onEvents("o1", null, List.of(SpeedEvent.status("o1", "purchase",
        t("2017-05-01T11:55:00Z"))), watermark).state();
    TrackerOutcome out = tracker.onEvents("o1", open, List.of(
        SpeedEvent.item("o1", t("2017-05-01T11:30:00Z"), t("2017-05-03T00:00:00Z"), new BigDecimal("3.00")),
        SpeedEvent.item("o1", t("2017-05-01T11:55:00Z"), t("2017-05-02T00:00:00Z"), new BigDecimal("4.00"))),
        watermark);
    assertEquals(1, out.kpis().size());
    assertEquals(new BigDecimal("4.00"), out.kpis().get(0).revenue());
    assertEquals(List.of(LateEvent.WINDOW_CLOSED), out.late().stream().map(LateEvent::reason).toList());
    assertEquals(LateEvent.TARGET_KPI, out.late().get(0).target());
    assertEquals(t("2017-05-02T00:00:00Z"), out.state().getShippingLimitAt(), "the order state still took both");
  }

  @Test
  void rejectsAnEmptyWindow() {
    assertThrows(IllegalArgumentException.class, () -> new KpiWindows(0, 0));
  }
}
