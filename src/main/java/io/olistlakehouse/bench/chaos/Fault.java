package io.olistlakehouse.bench.chaos;

import java.time.Duration;
import java.util.List;

/**
 * One fault of a schedule.
 *
 * @param scenario the scenario it belongs to
 * @param target a job ({@link #JOBS}) or a platform process (a Kafka node, {@code s3}, {@code catalog})
 * @param delay how long after the previous fault recovered (or the pipeline started) it strikes
 * @param outage how long a platform process stays away; zero for a job, which the supervisor restarts at once
 */
public record Fault(ChaosScenario scenario, String target, Duration delay, Duration outage) {

  public static final String REPLAY = "replay";
  public static final String INGEST = "ingest";
  public static final String SPEED = "speed";
  public static final String BATCH = "batch";
  public static final List<String> JOBS = List.of(REPLAY, INGEST, SPEED, BATCH);

  public boolean hitsJob() {
    return JOBS.contains(target);
  }

  public String describe() {
    return hitsJob() ? "kill -9 " + target : target + " down " + outage.toSeconds() + " s";
  }
}
