package io.olistlakehouse.batch.incremental;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One batch-layer table and how to compute it. A job says which keys of its target the sources' changes touch
 * ({@link #touched}), and how to compute the target's rows for a set of touched keys, or for all keys
 * ({@link #rows} with a null scope). {@link BatchJobRun} does the rest the same way for every job: positions,
 * full or incremental, the idempotent write and the commit that records what was covered.
 */
public abstract class BatchJob {

  /** The job's name, {@code <layer>.<table>}: silver.order_event. */
  public abstract String name();

  public abstract TargetTable target();

  public abstract List<SourceTable> sources();

  /** The scope keys (the target's {@link TargetTable#scopeColumns()}) that the sources' changes touch. */
  public abstract Dataset<Row> touched(BatchInputs in);

  /** The target's rows for the given scope keys, or for every key when {@code scope} is null. */
  public abstract Dataset<Row> rows(BatchInputs in, Dataset<Row> scope);

  /**
   * Whether recomputing a scope can drop rows the target has there (a product leaving a cell). Only then does an
   * incremental run look for the scope's stale rows to delete, which costs a scan of the target.
   */
  public boolean scopeCanShrink() {
    return false;
  }

  /** The jobs whose targets this job reads: they run first. */
  public List<String> dependsOn() {
    return List.of();
  }

  /** Restricts {@code rows} to the scope, by the scope's columns (all rows when the scope is null). */
  protected static Dataset<Row> within(Dataset<Row> rows, Dataset<Row> scope) {
    return scope == null ? rows : rows.join(scope, Columns.seq(scope.columns()), "left_semi");
  }
}
