package io.olistlakehouse.maintenance;

import java.time.Duration;
import java.util.Locale;

/** What one step did to one table: done, skipped (a writer won a commit race; the next run tries again), or failed. */
public record StepOutcome(String table, MaintenanceStep step, Status status, String detail, Duration took) {

  public enum Status { DONE, SKIPPED, FAILED }

  public String line() {
    return String.format(Locale.ROOT, "maintain: %s %s %s in %.1f s: %s", table, step.stepName(),
        status.name().toLowerCase(Locale.ROOT), took.toMillis() / 1000.0, detail);
  }
}
