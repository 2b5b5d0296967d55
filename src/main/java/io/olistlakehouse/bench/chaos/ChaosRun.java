package io.olistlakehouse.bench.chaos;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.process.RestartingProcess;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Injects a schedule of faults into a running pipeline and measures each recovery. A job fault is a kill -9 of the
 * job's current run; it has recovered when the run the supervisor started writes its first progress line. A platform
 * fault kills a platform process and brings it back after the outage with {@link Platform#up()}; the pipeline has
 * recovered when the replay (while it runs), the ingest and the speed job have each made progress since. After a
 * broker returns, its catch-up is the time until no partition of the run's topics is under-replicated.
 */
final class ChaosRun {

  /**
   * How one fault went.
   *
   * @param secondsIn when it struck, seconds after the pipeline was up
   * @param recovery from the kill (a job) or the return of the process (the platform) to progress; null when it
   *     could not be measured (the replay had ended: nothing more to make progress on)
   * @param catchUp a broker's return to full replication; null for other faults
   * @param jobRestarts job runs that failed between the fault and its recovery, each restarted by the supervisor
   *     (a killed job's own run included)
   */
  record Recovery(Fault fault, long secondsIn, Duration recovery, Duration catchUp, int jobRestarts) {}

  private final LakehouseConfig config;
  private final Platform platform;
  private final ChaosPipeline pipeline;
  private final ReplicationWatch replication;
  private final PrintStream out;
  private final Duration timeout;

  ChaosRun(LakehouseConfig config, Platform platform, ChaosPipeline pipeline, ReplicationWatch replication,
      PrintStream out) {
    this.config = config;
    this.platform = platform;
    this.pipeline = pipeline;
    this.replication = replication;
    this.out = out;
    this.timeout = Duration.ofSeconds(config.getLong("chaos.recovery.timeout.seconds"));
  }

  List<Recovery> inject(List<Fault> faults, long startNanos) throws InterruptedException {
    List<Recovery> recoveries = new ArrayList<>();
    for (Fault fault : faults) {
      Thread.sleep(fault.delay().toMillis());
      long secondsIn = (System.nanoTime() - startNanos) / 1_000_000_000L;
      int failuresBefore = pipeline.failures();
      Recovery recovery = fault.hitsJob() ? killJob(fault, secondsIn) : takeAway(fault, secondsIn);
      recovery = new Recovery(fault, secondsIn, recovery.recovery(), recovery.catchUp(),
          pipeline.failures() - failuresBefore);
      out.printf("chaos: %-24s at %4d s: %s%n", fault.describe(), secondsIn, describe(recovery));
      recoveries.add(recovery);
    }
    return recoveries;
  }

  private Recovery killJob(Fault fault, long secondsIn) throws InterruptedException {
    RestartingProcess job = pipeline.job(fault.target());
    if (fault.target().equals(Fault.BATCH)) {
      // Between two timer runs nothing runs: the kill waits for the next run to be under way.
      await("a batch run to kill", job::running);
    }
    ProgressLog since = ProgressLog.fromEnd(job.log());
    long killed = System.nanoTime();
    if (!job.kill9()) {
      return new Recovery(fault, secondsIn, null, null, 0);
    }
    Pattern progress = progressAfterRestart(fault.target());
    await(fault.target() + " to make progress after its kill -9", () -> since.shows(progress), since);
    return new Recovery(fault, secondsIn, Duration.ofNanos(System.nanoTime() - killed), null, 0);
  }

  /** Once the replay has ended there is nothing new to land: a restarted streaming job shows only its start. */
  private Pattern progressAfterRestart(String target) {
    boolean idle = !target.equals(Fault.REPLAY) && !target.equals(Fault.BATCH)
        && pipeline.job(Fault.REPLAY).finished();
    return idle ? ChaosPipeline.STARTED : ChaosPipeline.PROGRESS.get(target);
  }

  /**
   * Kills the platform process, waits out the outage and restarts it; then watches, from that moment on, for every
   * moving job's next progress line and (a broker) for full replication, each timed on its own.
   */
  private Recovery takeAway(Fault fault, long secondsIn) throws InterruptedException {
    platform.supervisor().kill(fault.target());
    Thread.sleep(fault.outage().toMillis());
    platform.up(timeout); // chaos.recovery.timeout.seconds: a node recovers its logs after the kill -9
    long restored = System.nanoTime();
    boolean replaying = !pipeline.job(Fault.REPLAY).finished();
    Map<String, ProgressLog> waiting = new LinkedHashMap<>();
    if (replaying) {
      for (String name : List.of(Fault.REPLAY, Fault.INGEST, Fault.SPEED)) {
        waiting.put(name, ProgressLog.fromEnd(pipeline.job(name).log()));
      }
    }
    boolean broker = fault.scenario() == ChaosScenario.BROKER;
    Duration progressed = null;
    Duration caughtUp = null;
    while ((replaying && progressed == null) || (broker && caughtUp == null)) {
      Duration since = Duration.ofNanos(System.nanoTime() - restored);
      waiting.entrySet().removeIf(job -> job.getValue().shows(ChaosPipeline.PROGRESS.get(job.getKey())));
      if (replaying && progressed == null && waiting.isEmpty()) {
        progressed = since;
      }
      if (broker && caughtUp == null && replication.fullyReplicated()) {
        caughtUp = since;
      }
      if (since.compareTo(timeout) > 0) {
        throw new IllegalStateException("chaos: no recovery within " + timeout.toSeconds() + " s after "
            + fault.target() + " returned (chaos.recovery.timeout.seconds): still waiting for " + waiting.keySet()
            + (broker && caughtUp == null ? " and full replication" : ""));
      }
      Thread.sleep(250);
    }
    return new Recovery(fault, secondsIn, progressed, caughtUp, 0);
  }

  private void await(String what, BooleanSupplier condition) throws InterruptedException {
    Await.until(what, condition, timeout, () -> "");
  }

  private void await(String what, BooleanSupplier condition, ProgressLog log) throws InterruptedException {
    Await.until(what, condition, timeout, () -> " (chaos.recovery.timeout.seconds); its log since:\n" + log.tail(40));
  }

  static String describe(Recovery r) {
    String recovery = r.recovery() == null ? "recovery not measured (the replay had ended)"
        : String.format(java.util.Locale.ROOT, "recovered in %.1f s", r.recovery().toMillis() / 1000.0);
    String catchUp = r.catchUp() == null ? "" : String.format(java.util.Locale.ROOT, ", replicas caught up in "
        + "%.1f s", r.catchUp().toMillis() / 1000.0);
    return recovery + catchUp + ", " + r.jobRestarts() + " job restart(s)";
  }
}
