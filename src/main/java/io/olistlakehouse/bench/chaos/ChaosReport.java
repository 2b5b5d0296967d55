package io.olistlakehouse.bench.chaos;

import io.olistlakehouse.bench.BenchResultsFile;
import io.olistlakehouse.bench.BenchRuns;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a chaos run: a table of faults and recoveries, a table of truth checks, one TSV row per fault and
 * per input sent.
 */
final class ChaosReport {

  /** Input a scenario sent instead of a fault (bad records, an evolved schema), as its row shows it. */
  record SentInput(ChaosScenario scenario, String label) {}

  private final List<ChaosRun.Recovery> recoveries;
  private final List<SentInput> inputs;
  private final List<TruthAudit.Check> checks;
  private final boolean passed;

  ChaosReport(List<ChaosRun.Recovery> recoveries, List<SentInput> inputs, List<TruthAudit.Check> checks,
      boolean passed) {
    this.recoveries = recoveries;
    this.inputs = inputs;
    this.checks = checks;
    this.passed = passed;
  }

  long lost() {
    return checks.stream().mapToLong(TruthAudit.Check::lost).sum();
  }

  long duplicated() {
    return checks.stream().mapToLong(TruthAudit.Check::duplicated).sum();
  }

  void print(PrintStream out) {
    out.println();
    out.printf("%-9s %-26s %6s %10s %10s %9s%n", "scenario", "fault", "at s", "recovery s", "catch-up s",
        "restarts");
    for (ChaosRun.Recovery r : recoveries) {
      out.printf("%-9s %-26s %6d %10s %10s %9d%n", r.fault().scenario().label(), r.fault().describe(), r.secondsIn(),
          seconds(r.recovery()), seconds(r.catchUp()), r.jobRestarts());
    }
    for (SentInput input : inputs) {
      out.printf("%-9s %-26s %6s %10s %10s %9s%n", input.scenario().label(), input.label(), "-", "-", "-", "-");
    }
    out.println();
    out.printf("%-46s %-20s %10s %10s %6s %6s%n", "table", "check", "truth", "holds", "lost", "dup");
    for (TruthAudit.Check c : checks) {
      out.printf("%-46s %-20s %,10d %,10d %6d %6d  %s%n", c.table(), c.what(), c.expected(), c.actual(), c.lost(),
          c.duplicated(), c.passed() ? "ok" : "FAILED");
    }
    out.printf("%nchaos %s: %d faults, %d lost, %d duplicated, %d of %d checks equal the truth%n",
        passed ? "PASSED" : "FAILED", recoveries.size(), lost(), duplicated(),
        checks.stream().filter(TruthAudit.Check::passed).count(), checks.size());
  }

  void append(Path file, Instant started, double load, ChaosBench.Plan plan, long rate, SourceTruth truth) {
    BenchResultsFile results = new BenchResultsFile(file);
    for (ChaosRun.Recovery r : recoveries) {
      results.append(BenchResultsFile.row(row(started, load, plan, rate, truth, r.fault().scenario(),
          r.fault().describe(), r.secondsIn(), seconds(r.recovery()), seconds(r.catchUp()), r.jobRestarts())));
    }
    for (SentInput input : inputs) {
      results.append(BenchResultsFile.row(row(started, load, plan, rate, truth, input.scenario(), input.label(), "-",
          "-", "-", "-")));
    }
  }

  private Map<String, Object> row(Instant started, double load, ChaosBench.Plan plan, long rate, SourceTruth truth,
      ChaosScenario scenario, String fault, Object at, String recovery, String catchUp, Object restarts) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("date", started.toString());
    row.put("scenarios", String.join(",", plan.scenarios().stream().map(ChaosScenario::label).toList()));
    row.put("seed", plan.seed());
    row.put("source", plan.sourceLabel());
    row.put("events", truth.events());
    row.put("rate", rate);
    row.put("load_avg_1m", BenchRuns.formatLoad(load));
    row.put("scenario", scenario.label());
    row.put("fault", fault);
    row.put("at_s", at);
    row.put("recovery_s", recovery);
    row.put("catch_up_s", catchUp);
    row.put("job_restarts", restarts);
    row.put("lost", lost());
    row.put("duplicated", duplicated());
    row.put("checks_passed", checks.stream().filter(TruthAudit.Check::passed).count() + "/" + checks.size());
    return row;
  }

  private static String seconds(Duration d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }
}
