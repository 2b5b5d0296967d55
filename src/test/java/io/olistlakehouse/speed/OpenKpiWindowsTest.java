package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenKpiWindowsTest {

  private static final long MINUTE = 60_000;
  private final KpiWindows windows = new KpiWindows(MINUTE, 10 * MINUTE);

  private static Map<Long, KpiWindowRow> batch(long... itemTimes) {
    Map<Long, KpiWindowRow> sums = new LinkedHashMap<>();
    for (long t : itemTimes) {
      long start = Math.floorDiv(t, MINUTE) * MINUTE;
      sums.computeIfAbsent(start, s -> new KpiWindowRow(s, s + MINUTE))
          .add(KpiWindowRowTest.kpi(KpiContribution.item("o", t, BigDecimal.ONE)));
    }
    return sums;
  }

  private static long items(KpiWindowRow w) {
    return (Long) w.toRecord(KpiWindowRowTest.KPI_MINUTE).getField("items");
  }

  @Test
  void aWindowWrittenBeforeIsReplacedWithItsTotalAndANewOneIsInserted() {
    OpenKpiWindows open = new OpenKpiWindows(windows);
    OpenKpiWindows.Upsert first = open.add(batch(0, 1_000));
    assertEquals(List.of(), first.replacedStarts());
    open.committed(first, 0);

    OpenKpiWindows.Upsert second = open.add(batch(2_000, MINUTE + 5));
    assertEquals(List.of(0L), second.replacedStarts());
    assertEquals(List.of(3L, 1L), second.rows().stream().map(OpenKpiWindowsTest::items).toList());
  }

  @Test
  void windowsLeaveOnceTheWatermarkClosesThemAndNotBefore() {
    OpenKpiWindows open = new OpenKpiWindows(windows);
    OpenKpiWindows.Upsert first = open.add(batch(0, 5 * MINUTE));
    open.committed(first, 11 * MINUTE - 1);
    assertEquals(2, open.size(), "the first window closes at its end plus the lateness: 11 minutes");
    open.committed(open.add(Map.of()), 11 * MINUTE);
    assertEquals(1, open.size());
  }

  @Test
  void afterAFailureNothingIsKnown() {
    OpenKpiWindows open = new OpenKpiWindows(windows);
    open.committed(open.add(batch(0)), 0);
    open.forget();
    assertEquals(0, open.size());
    assertEquals(List.of(), open.add(batch(0)).replacedStarts());
  }
}
