package io.olistlakehouse.maintenance;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;

/**
 * Table maintenance's entry point for spark-submit and Airflow ({@code jobs/maintenance.json}):
 * {@code [--only NAMESPACE[.TABLE]...] [--steps a,b]}. Exits non-zero when a step failed on some table.
 */
public final class MaintainMain {

  public static final String MANIFEST = "maintenance";
  private static final String USAGE = "usage: [--only NAMESPACE[.TABLE]...] [--steps "
      + "rewrite-data-files,rewrite-manifests,expire-snapshots,remove-orphan-files]";

  private MaintainMain() {}

  public static void main(String[] args) throws Exception {
    List<String> only = new ArrayList<>();
    String steps = null;
    boolean naming = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--steps") && i + 1 < args.length) {
        steps = args[++i];
        naming = false;
      } else if (args[i].equals("--only")) {
        naming = true;
      } else if (naming && !args[i].startsWith("--")) {
        only.add(args[i]);
      } else {
        throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
      }
    }
    System.exit(failed(run(LakehouseConfig.load(), only, steps, System.out)) ? 1 : 0);
  }

  /** Maintains the named tables (all when none) with the named steps (the configured ones when null). */
  public static List<StepOutcome> run(LakehouseConfig config, List<String> only, String steps, PrintStream out) {
    MaintenanceSettings settings = settings(config, steps);
    try (SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, MANIFEST))) {
      return run(config, spark, only, settings, out);
    }
  }

  /** The same in a session of the caller's. */
  public static List<StepOutcome> run(LakehouseConfig config, SparkSession spark, List<String> only, String steps,
      PrintStream out) {
    return run(config, spark, only, settings(config, steps), out);
  }

  private static List<StepOutcome> run(LakehouseConfig config, SparkSession spark, List<String> only,
      MaintenanceSettings settings, PrintStream out) {
    Catalog catalog = IcebergCatalogs.open(config);
    try {
      return new MaintenanceRun(spark, catalog, settings, out).run(only);
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  /** Checked before Spark starts, so a mistyped step fails at once. */
  private static MaintenanceSettings settings(LakehouseConfig config, String steps) {
    MaintenanceSettings settings = MaintenanceSettings.fromConfig(config);
    return steps == null ? settings : settings.withSteps(MaintenanceStep.parse(steps));
  }

  public static boolean failed(List<StepOutcome> outcomes) {
    return outcomes.stream().anyMatch(o -> o.status() == StepOutcome.Status.FAILED);
  }
}
