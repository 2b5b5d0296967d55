package io.olistlakehouse.maintenance;

import io.olistlakehouse.batch.incremental.BatchCommits;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.SparkSession;

/** One maintenance run over the tables of the configured namespaces, one table after the other. */
final class MaintenanceRun {

  private final SparkSession spark;
  private final Catalog catalog;
  private final MaintenanceSettings settings;
  private final PrintStream out;

  MaintenanceRun(SparkSession spark, Catalog catalog, MaintenanceSettings settings, PrintStream out) {
    this.spark = spark;
    this.catalog = catalog;
    this.settings = settings;
    this.out = out;
  }

  /**
   * Maintains the named tables ({@code namespace.table}) and every table of the named namespaces, all tables of the
   * maintained namespaces when none is named.
   */
  List<StepOutcome> run(List<String> only) {
    List<TableIdentifier> all = tables();
    List<TableIdentifier> chosen = select(all, only);
    // From every table of the namespaces, not only the chosen ones: a bronze table alone still has silver readers.
    Map<String, Set<Long>> positions = RetainedSnapshots.recordedPositions(newestBatchCommits(all));
    TableMaintenance maintenance = new TableMaintenance(spark, catalog, settings);
    List<StepOutcome> outcomes = new ArrayList<>();
    for (TableIdentifier id : chosen) {
      for (StepOutcome outcome : maintenance.run(id, positions.getOrDefault(qualified(id), Set.of()))) {
        out.println(outcome.line());
        outcomes.add(outcome);
      }
    }
    return outcomes;
  }

  private List<TableIdentifier> tables() {
    List<TableIdentifier> ids = new ArrayList<>();
    for (String namespace : settings.namespaces()) {
      Namespace ns = Namespace.of(namespace);
      if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(ns)) {
        out.println("maintain: namespace " + namespace + " does not exist (yet), nothing to maintain there");
        continue;
      }
      catalog.listTables(ns).stream().sorted((a, b) -> a.toString().compareTo(b.toString())).forEach(ids::add);
    }
    return ids;
  }

  private List<TableIdentifier> select(List<TableIdentifier> all, List<String> only) {
    if (only == null || only.isEmpty()) {
      return all;
    }
    Set<String> known = new LinkedHashSet<>();
    all.forEach(id -> known.add(id.toString()));
    for (String name : only) {
      if (!known.contains(name) && !settings.namespaces().contains(name)) {
        throw new IllegalArgumentException("unknown table or namespace '" + name + "'; maintained namespaces: "
            + settings.namespaces() + ", their tables: " + known);
      }
    }
    return all.stream().filter(id -> only.contains(id.toString()) || only.contains(id.namespace().toString()))
        .toList();
  }

  private List<Map<String, String>> newestBatchCommits(List<TableIdentifier> ids) {
    List<Map<String, String>> summaries = new ArrayList<>();
    for (TableIdentifier id : ids) {
      BatchCommits.lastBatchCommit(catalog.loadTable(id)).map(Snapshot::summary).ifPresent(summaries::add);
    }
    return summaries;
  }

  /** How batch commits name a source table: catalog.namespace.table. */
  private String qualified(TableIdentifier id) {
    return settings.catalog() + "." + id;
  }
}
