package io.olistlakehouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BatchBenchTest {

  @Test
  void appendsOnePercentOfTheBacklog() {
    assertEquals(1_000, BatchBench.appendedOrders(100_000));
    assertEquals(20, BatchBench.appendedOrders(2_000));
    assertEquals(12, BatchBench.appendedOrders(1_299));
  }

  @Test
  void appendsAtLeastOneOrder() {
    assertEquals(1, BatchBench.appendedOrders(1));
    assertEquals(1, BatchBench.appendedOrders(199));
    assertThrows(IllegalArgumentException.class, () -> BatchBench.appendedOrders(0));
  }

  @Test
  void appendedOrdersComeFromAnotherSeed() {
    assertNotEquals(42L, BatchBench.appendedSeed(42L));
  }
}
