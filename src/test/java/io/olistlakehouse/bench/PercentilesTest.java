package io.olistlakehouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOfOneToHundred() {
    Percentiles p = new Percentiles(LongStream.iterate(100, i -> i >= 1, i -> i - 1).boxed().toList());
    assertEquals(50, p.at(50));
    assertEquals(95, p.at(95));
    assertEquals(99, p.at(99));
    assertEquals(100, p.at(100));
    assertEquals(100, p.max());
  }

  @Test
  void fewValuesRoundUpToTheNextRank() {
    Percentiles p = new Percentiles(List.of(300L, 100L, 200L));
    assertEquals(200, p.at(50));
    assertEquals(300, p.at(95));
  }

  @Test
  void nothingMeasuredIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> new Percentiles(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Percentiles(List.of(1L)).at(0));
  }
}
