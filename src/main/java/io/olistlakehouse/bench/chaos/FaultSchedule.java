package io.olistlakehouse.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded fault schedule: the same seed gives the same faults, targets and delays, so a failing run can be rerun.
 * Kills are spread evenly over the four jobs (20 kills: five each) in a shuffled order; a broker fault picks one
 * Kafka node. Faults never overlap: each strikes a random delay after the previous one has recovered, so every
 * recovery time belongs to exactly one fault.
 */
public final class FaultSchedule {

  /** What a schedule is built from. */
  public record Plan(int kills, Duration minDelay, Duration maxDelay, Duration brokerOutage, Duration s3Outage,
      Duration catalogOutage, List<String> kafkaNodes, String s3Process, String catalogProcess) {}

  private FaultSchedule() {}

  public static List<Fault> of(List<ChaosScenario> scenarios, Plan plan, long seed) {
    Random random = new Random(seed);
    List<Fault> faults = new ArrayList<>();
    for (ChaosScenario scenario : scenarios) {
      switch (scenario) {
        case KILL -> {
          List<String> targets = new ArrayList<>();
          for (int i = 0; i < plan.kills(); i++) {
            targets.add(Fault.JOBS.get(i % Fault.JOBS.size()));
          }
          Collections.shuffle(targets, random);
          targets.forEach(t -> faults.add(new Fault(scenario, t, delay(random, plan), Duration.ZERO)));
        }
        case BROKER -> faults.add(new Fault(scenario,
            plan.kafkaNodes().get(random.nextInt(plan.kafkaNodes().size())), delay(random, plan), plan.brokerOutage()));
        case S3 -> faults.add(new Fault(scenario, plan.s3Process(), delay(random, plan), plan.s3Outage()));
        case CATALOG -> faults.add(new Fault(scenario, plan.catalogProcess(), delay(random, plan),
            plan.catalogOutage()));
        case BAD_INPUT, EVOLUTION -> { } // sent once by BadInput or SchemaEvolution, nothing to schedule
        default -> throw new IllegalStateException("no schedule for " + scenario);
      }
    }
    return List.copyOf(faults);
  }

  private static Duration delay(Random random, Plan plan) {
    long min = plan.minDelay().toMillis();
    long span = Math.max(0, plan.maxDelay().toMillis() - min);
    return Duration.ofMillis(min + (span == 0 ? 0 : (long) (random.nextDouble() * span)));
  }
}
