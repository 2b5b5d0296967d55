package io.olistlakehouse.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import org.junit.jupiter.api.Test;

/** Pacing computes when events are due; nothing here waits. */
class PacingTest {

  private static final long S = 1_000;
  private static final long NANOS_PER_S = 1_000_000_000L;

  @Test
  void speedMapsHistoryToWallClockAndCompressesLongGaps() {
    ScaledTimePacer pacer = new ScaledTimePacer(60, 300 * S, 30 * S);
    long t0 = 1_500_000_000_000L;
    assertEquals(0, pacer.dueNanos(0, t0));
    assertEquals(1 * NANOS_PER_S, pacer.dueNanos(1, t0 + 60 * S), "a minute of history is a second at 60x");
    assertEquals(6 * NANOS_PER_S, pacer.dueNanos(2, t0 + 360 * S), "300 s gap is not above the threshold");
    // Eight quiet hours count as the 30 s base interval: half a second at 60x.
    assertEquals(6_500_000_000L, pacer.dueNanos(3, t0 + 360 * S + 8 * 3600 * S));
    assertEquals(6_500_000_000L, pacer.dueNanos(4, t0 + 360 * S + 8 * 3600 * S), "same time, due together");
  }

  @Test
  void lateEventsAreDueAtOnceAndDoNotMoveTheClockBack() {
    ScaledTimePacer pacer = new ScaledTimePacer(1, 300 * S, 30 * S);
    long t0 = 1_500_000_000_000L;
    pacer.dueNanos(0, t0);
    long due = pacer.dueNanos(1, t0 + 10 * S);
    assertEquals(due, pacer.dueNanos(2, t0 - 3600 * S));
    assertEquals(due + NANOS_PER_S, pacer.dueNanos(3, t0 + 11 * S));
  }

  @Test
  void ratePacingSpacesEventsEvenlyWhateverTheirTimes() {
    Pacer pacer = Pacing.rate(20_000).pacer(LakehouseConfig.load());
    assertEquals(0, pacer.dueNanos(0, 0));
    assertEquals(50_000, pacer.dueNanos(1, Long.MAX_VALUE), "one event every 50 us at 20,000 events/s");
    assertEquals(NANOS_PER_S, pacer.dueNanos(20_000, 0));
    assertEquals(3600 * NANOS_PER_S, pacer.dueNanos(72_000_000L, 0), "an hour in, still on schedule");
  }

  @Test
  void maxPacingIsAlwaysDue() {
    Pacer max = Pacing.parse("max").pacer(null);
    assertEquals(0, max.dueNanos(0, 0));
    assertEquals(0, max.dueNanos(1_000_000, Long.MAX_VALUE));
  }

  @Test
  void pacingParsesMaxOrAPositiveSpeedAndRejectsTheRest() {
    assertTrue(Pacing.parse(" MAX ").max());
    assertEquals(3600.0, Pacing.parse("3600").speed());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pacing.parse("fast"));
    assertTrue(e.getMessage().contains("fast"));
    assertThrows(IllegalArgumentException.class, () -> Pacing.parse("0"));
    assertThrows(IllegalArgumentException.class, () -> Pacing.parse("-2"));
  }
}
