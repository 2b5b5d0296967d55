package io.olistlakehouse.batch.silver;

import io.olistlakehouse.batch.incremental.BatchInputs;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.Columns;
import io.olistlakehouse.batch.incremental.SourceTable;
import io.olistlakehouse.batch.incremental.TargetTable;
import io.olistlakehouse.contracts.BronzeStream;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A silver table of master data: one row per key, the latest version seen in its bronze stream(s). A key is
 * touched when a new version of it lands. Its row keeps the version's event time and bronze coordinates, so an
 * incremental run picks between the target's row and the new versions alone, the same pick a full run makes
 * among all versions in bronze.
 */
abstract class LatestPerKeyJob extends SilverJob {

  LatestPerKeyJob(BatchSettings settings) {
    super(settings);
  }

  /** The target's columns (without the lineage, added after them). */
  protected abstract String columnsDdl();

  protected abstract List<String> keys();

  /** Each bronze stream read, with its projection onto the target's columns and {@link SilverRows#withLineage}. */
  protected abstract List<BronzeStream> streams();

  protected abstract Dataset<Row> project(BronzeStream stream, Dataset<Row> bronze);

  @Override
  public TargetTable target() {
    return new TargetTable(targetName(), columnsDdl() + ", " + SilverRows.LINEAGE_DDL, keys(), keys(), null, null,
        true);
  }

  @Override
  public List<SourceTable> sources() {
    return streams().stream().map(this::bronze).toList();
  }

  @Override
  public Dataset<Row> touched(BatchInputs in) {
    return union(in, in::changes).select(Columns.cols(keys()));
  }

  @Override
  public Dataset<Row> rows(BatchInputs in, Dataset<Row> scope) {
    Dataset<Row> versions = scope == null ? union(in, in::all)
        : within(in.target(), scope).unionByName(union(in, in::changes));
    return SilverRows.latestPerKey(versions, keys());
  }

  private Dataset<Row> union(BatchInputs in, Function<SourceTable, Dataset<Row>> read) {
    Dataset<Row> all = null;
    for (BronzeStream stream : streams()) {
      Dataset<Row> projected = project(stream, read.apply(bronze(stream)));
      all = all == null ? projected : all.unionByName(projected);
    }
    return all;
  }
}
