package io.olistlakehouse.maintenance;

import io.olistlakehouse.config.LakehouseConfig;
import java.time.Duration;
import java.util.List;

/** What {@code bin/lakehouse maintain} does: {@code maintain.*} keys, documented in configs/lakehouse.properties. */
public record MaintenanceSettings(
    String catalog,
    List<String> namespaces,
    List<MaintenanceStep> steps,
    int minInputFiles,
    long targetFileSizeBytes,
    int manifestsMinCount,
    Duration snapshotRetention,
    int retainLast,
    Duration orphanMinAge) {

  public static final String KEY_PREFIX = "maintain.";

  public static MaintenanceSettings fromConfig(LakehouseConfig config) {
    return new MaintenanceSettings(
        config.get("catalog.name"),
        config.getList(KEY_PREFIX + "namespaces"),
        MaintenanceStep.parse(config.get(KEY_PREFIX + "steps")),
        Math.toIntExact(config.getPositiveLong(KEY_PREFIX + "rewrite.min.input.files")),
        config.getPositiveLong(KEY_PREFIX + "rewrite.target.file.size.bytes"),
        Math.toIntExact(config.getPositiveLong(KEY_PREFIX + "manifests.min.count")),
        Duration.ofHours(config.getNonNegativeLong(KEY_PREFIX + "snapshot.retention.hours")),
        Math.toIntExact(config.getPositiveLong(KEY_PREFIX + "snapshot.retain.last")),
        Duration.ofHours(config.getNonNegativeLong(KEY_PREFIX + "orphan.min.age.hours")));
  }

  /** The same settings running only {@code chosen} steps. */
  public MaintenanceSettings withSteps(List<MaintenanceStep> chosen) {
    return new MaintenanceSettings(catalog, namespaces, chosen, minInputFiles, targetFileSizeBytes,
        manifestsMinCount, snapshotRetention, retainLast, orphanMinAge);
  }
}
