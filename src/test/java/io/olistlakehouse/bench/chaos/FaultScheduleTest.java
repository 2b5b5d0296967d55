package io.olistlakehouse.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

  private static final FaultSchedule.Plan PLAN = new FaultSchedule.Plan(20, Duration.ofSeconds(5),
      Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(31),
      List.of("kafka-1", "kafka-2", "kafka-3"), "s3", "catalog");

  @Test
  void twentyKillsHitEachJobFiveTimesWithinTheDelayRange() {
    List<Fault> faults = FaultSchedule.of(List.of(ChaosScenario.KILL), PLAN, 7);
    assertEquals(20, faults.size());
    Map<String, Long> perJob = faults.stream().collect(Collectors.groupingBy(Fault::target, Collectors.counting()));
    assertEquals(Map.of("replay", 5L, "ingest", 5L, "speed", 5L, "batch", 5L), perJob);
    for (Fault fault : faults) {
      assertTrue(fault.hitsJob());
      assertEquals(Duration.ZERO, fault.outage());
      assertTrue(fault.delay().compareTo(Duration.ofSeconds(5)) >= 0 && fault.delay().compareTo(Duration.ofSeconds(20))
          <= 0, fault.toString());
    }
  }

  @Test
  void theSameSeedGivesTheSameScheduleAndAnotherSeedAnotherOne() {
    List<ChaosScenario> all = List.of(ChaosScenario.values());
    assertEquals(FaultSchedule.of(all, PLAN, 11), FaultSchedule.of(all, PLAN, 11));
    assertNotEquals(FaultSchedule.of(all, PLAN, 11), FaultSchedule.of(all, PLAN, 12));
  }

  @Test
  void platformScenariosTakeOneProcessAwayForTheirOutage() {
    List<Fault> faults = FaultSchedule.of(List.of(ChaosScenario.BROKER, ChaosScenario.S3, ChaosScenario.CATALOG),
        PLAN, 3);
    Map<ChaosScenario, Fault> byScenario = faults.stream().collect(Collectors.toMap(Fault::scenario,
        Function.identity()));
    assertTrue(PLAN.kafkaNodes().contains(byScenario.get(ChaosScenario.BROKER).target()));
    assertEquals(Duration.ofSeconds(60), byScenario.get(ChaosScenario.BROKER).outage());
    assertEquals("s3", byScenario.get(ChaosScenario.S3).target());
    assertEquals(Duration.ofSeconds(30), byScenario.get(ChaosScenario.S3).outage());
    assertEquals("catalog down 31 s", byScenario.get(ChaosScenario.CATALOG).describe());
    assertTrue(faults.stream().noneMatch(Fault::hitsJob));
  }

  @Test
  void inputScenariosScheduleNoFault() {
    assertEquals(List.of(), FaultSchedule.of(List.of(ChaosScenario.BAD_INPUT, ChaosScenario.EVOLUTION), PLAN, 5));
    assertEquals(ChaosScenario.BAD_INPUT, ChaosScenario.of("bad-input"));
    assertEquals(ChaosScenario.EVOLUTION, ChaosScenario.of("evolution"));
  }

  @Test
  void unknownScenarioNamesTheKnownOnes() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ChaosScenario.of("flood"));
    assertTrue(e.getMessage().contains("[kill, broker, s3, catalog, bad-input, evolution]"), e.getMessage());
  }
}
