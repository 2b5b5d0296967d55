package io.olistlakehouse.batch.incremental;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Runs one batch job: finds where each source stands against the target's last batch commit, then does nothing
 * (no source changed), an incremental run (only touched scope keys recomputed) or a full recompute (asked for, the
 * first run, or a source whose recorded snapshot left its history), and commits the rows and the covered source
 * snapshots together.
 */
public final class BatchJobRun {

  private final SparkSession spark;
  private final BatchTableWriter writer;

  public BatchJobRun(SparkSession spark) {
    this.spark = spark;
    this.writer = new BatchTableWriter(spark);
  }

  public BatchJobOutcome run(BatchJob job, boolean full) throws Exception {
    long started = System.nanoTime();
    TargetTable target = job.target();
    Table targetTable = ensure(target);
    Optional<Snapshot> last = BatchCommits.lastBatchCommit(targetTable);
    Map<String, Long> recorded = last.map(BatchCommits::sources).orElse(Map.of());

    Map<String, SourcePosition> positions = new LinkedHashMap<>();
    Map<String, Table> tables = new LinkedHashMap<>();
    for (SourceTable source : job.sources()) {
      Table table = Spark3Util.loadIcebergTable(spark, source.qualifiedName());
      tables.put(source.qualifiedName(), table);
      positions.put(source.qualifiedName(), SourcePosition.of(source, table, recorded.get(source.qualifiedName())));
    }
    List<SourcePosition> rewritten = positions.values().stream()
        .filter(p -> p.state() == SourcePosition.State.REWRITTEN || p.state() == SourcePosition.State.RECOMPUTED)
        .toList();
    boolean changed = positions.values().stream().anyMatch(p -> p.state() != SourcePosition.State.UNCHANGED);
    if (!full && last.isPresent() && !changed) {
      return BatchJobOutcome.upToDate(job.name(), seconds(started));
    }

    String reason = full ? "asked for (--full)" : last.isEmpty() ? "first run"
        : rewritten.isEmpty() ? null : "recomputing from scratch: " + rewritten.get(0).describe();
    Map<String, Long> covered = new LinkedHashMap<>();
    positions.forEach((name, p) -> {
      if (p.current() != null) {
        covered.put(name, p.current());
      }
    });
    long loadedAt = Math.max(System.currentTimeMillis(), last.map(s -> BatchCommits.loadedAt(s) + 1).orElse(0L));
    Map<String, String> properties = BatchCommits.properties(job.name(), reason != null, loadedAt, covered);
    BatchInputs inputs = new BatchInputs(spark, positions, tables, spark.table(target.qualifiedName()));

    if (reason != null) {
      writer.replaceAll(target, lineage(target, job.rows(inputs, null), loadedAt), properties);
      return BatchJobOutcome.written(job.name(), true, reason, describe(positions), refreshed(targetTable),
          seconds(started));
    }
    Dataset<Row> scope = job.touched(inputs).distinct().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long touched = scope.count();
      if (touched == 0) {
        return BatchJobOutcome.nothingTouched(job.name(), describe(positions), seconds(started));
      }
      Dataset<Row> rows = lineage(target, job.rows(inputs, scope), loadedAt);
      // Stale rows are found against the new rows, which the MERGE reads again: compute them once.
      rows = job.scopeCanShrink() ? rows.persist(StorageLevel.MEMORY_AND_DISK()) : rows;
      try {
        writer.replaceScope(target, rows, scope, inputs.target(), job.scopeCanShrink(), properties);
      } finally {
        rows.unpersist();
      }
      return BatchJobOutcome.written(job.name(), false, touched + " scope keys touched", describe(positions),
          refreshed(targetTable), seconds(started));
    } finally {
      scope.unpersist();
    }
  }

  /**
   * Creates the job's namespace and table where absent. Done for every job before any runs: jobs run side by
   * side, and two creating one namespace at once collide in the catalog.
   */
  public void prepare(BatchJob job) throws Exception {
    ensure(job.target());
  }

  private Table ensure(TargetTable target) throws Exception {
    String name = target.qualifiedName();
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + name.substring(0, name.lastIndexOf('.')));
    spark.sql(target.createSql());
    Table table = Spark3Util.loadIcebergTable(spark, name);
    if (target.orderedBy() != null && table.sortOrder().isUnsorted()) {
      spark.sql("ALTER TABLE " + name + " WRITE ORDERED BY " + target.orderedBy());
      table.refresh();
    }
    return table;
  }

  private static Dataset<Row> lineage(TargetTable target, Dataset<Row> rows, long loadedAt) {
    return target.tracksChanges()
        ? rows.withColumn(BatchCommits.LOADED_AT, functions.lit(new Timestamp(loadedAt))) : rows;
  }

  private static Snapshot refreshed(Table table) {
    table.refresh();
    return table.currentSnapshot();
  }

  private static String describe(Map<String, SourcePosition> positions) {
    return String.join("; ", positions.values().stream().map(SourcePosition::describe).toList());
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
