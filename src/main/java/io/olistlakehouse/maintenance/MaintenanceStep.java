package io.olistlakehouse.maintenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The maintenance steps, in the order they run on a table; each named as in {@code maintain.steps}. */
public enum MaintenanceStep {
  REWRITE_DATA_FILES("rewrite-data-files"),
  REWRITE_MANIFESTS("rewrite-manifests"),
  EXPIRE_SNAPSHOTS("expire-snapshots"),
  REMOVE_ORPHAN_FILES("remove-orphan-files");

  private final String stepName;

  MaintenanceStep(String stepName) {
    this.stepName = stepName;
  }

  public String stepName() {
    return stepName;
  }

  /**
   * Steps from a comma-separated list, in the fixed order whatever order they are listed in: compaction first, so
   * that expiry can drop the small files it replaced, and orphans last, once expiry has deleted what it deletes.
   */
  public static List<MaintenanceStep> parse(String list) {
    List<String> names = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<MaintenanceStep> steps = new ArrayList<>();
    for (MaintenanceStep step : values()) {
      if (names.contains(step.stepName)) {
        steps.add(step);
      }
    }
    List<String> known = Arrays.stream(values()).map(MaintenanceStep::stepName).toList();
    for (String name : names) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown maintenance step '" + name + "'; known: " + known);
      }
    }
    return List.copyOf(steps);
  }
}
