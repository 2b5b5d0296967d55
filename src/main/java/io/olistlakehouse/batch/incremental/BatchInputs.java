package io.olistlakehouse.batch.incremental;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A job's view of its sources during one run: each source as of the snapshot the run covers (so a commit landing
 * meanwhile is neither half-read nor recorded as read), and what changed in it since the recorded snapshot.
 */
public final class BatchInputs {

  private final SparkSession spark;
  private final Map<String, SourcePosition> positions;
  private final Map<String, Table> tables;
  private final Dataset<Row> target;
  private final Map<String, Object> remembered = new ConcurrentHashMap<>();

  BatchInputs(SparkSession spark, Map<String, SourcePosition> positions, Map<String, Table> tables,
      Dataset<Row> target) {
    this.spark = spark;
    this.positions = positions;
    this.tables = tables;
    this.target = target;
  }

  public SparkSession spark() {
    return spark;
  }

  /** The target's rows as they are before this run, without the lineage column {@link BatchCommits#LOADED_AT}. */
  public Dataset<Row> target() {
    return Arrays.asList(target.columns()).contains(BatchCommits.LOADED_AT) ? target.drop(BatchCommits.LOADED_AT)
        : target;
  }

  /** A value computed once per run (an aggregate both {@code touched} and {@code rows} need). */
  @SuppressWarnings("unchecked")
  public <T> T remember(String key, Supplier<T> compute) {
    return (T) remembered.computeIfAbsent(key, k -> compute.get());
  }

  /** Every row of the source, as of the snapshot this run covers. */
  public Dataset<Row> all(SourceTable source) {
    SourcePosition p = position(source);
    if (p.current() == null) {
      return spark.table(source.qualifiedName());
    }
    return spark.read().format("iceberg").option("snapshot-id", p.current()).load(source.qualifiedName());
  }

  /** The rows added or changed since the recorded snapshot (all rows if none is recorded). */
  public Dataset<Row> changes(SourceTable source) {
    SourcePosition p = position(source);
    if (p.state() == SourcePosition.State.UNCHANGED) {
      return all(source).limit(0);
    }
    if (p.recorded() == null) {
      return all(source);
    }
    if (source.kind() == SourceTable.Kind.APPEND_ONLY) {
      // Iceberg's incremental append scan: the files of the append snapshots after `recorded`, up to `current`.
      return spark.read().format("iceberg").option("start-snapshot-id", p.recorded())
          .option("end-snapshot-id", p.current()).load(source.qualifiedName());
    }
    Table table = tables.get(source.qualifiedName());
    long since = BatchCommits.lastBatchCommit(table, p.recorded()).map(BatchCommits::loadedAt).orElse(0L);
    return all(source).where(functions.col(BatchCommits.LOADED_AT)
        .gt(functions.lit(new Timestamp(since))));
  }

  private SourcePosition position(SourceTable source) {
    SourcePosition p = positions.get(source.qualifiedName());
    if (p == null) {
      throw new IllegalArgumentException(source.qualifiedName() + " is not a declared source of this job");
    }
    return p;
  }
}
