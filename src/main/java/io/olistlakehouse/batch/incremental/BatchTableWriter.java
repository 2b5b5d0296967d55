package io.olistlakehouse.batch.incremental;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.spark.CommitMetadata;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The two ways a batch job writes, each one Iceberg commit that also carries the job's position (the commit
 * properties end up in the snapshot summary): a full recompute replaces the whole table; an incremental run
 * replaces the rows of the touched scope with one MERGE on the natural key. A rerun of either gives the same rows.
 */
final class BatchTableWriter {

  private static final String OP = "_batch_op";
  private static final AtomicLong VIEWS = new AtomicLong();

  private final SparkSession spark;

  BatchTableWriter(SparkSession spark) {
    this.spark = spark;
  }

  void replaceAll(TargetTable target, Dataset<Row> rows, Map<String, String> commitProperties) {
    commit(commitProperties, () -> rows.writeTo(target.qualifiedName()).overwrite(functions.lit(true)));
  }

  /**
   * Upserts {@code rows} and, when asked, deletes the target rows of the scope that {@code rows} no longer has.
   * A row whose
   * values are unchanged (lineage aside) is left alone, so its file is not rewritten and readers of changes do not
   * see it as changed.
   */
  void replaceScope(TargetTable target, Dataset<Row> rows, Dataset<Row> scope, Dataset<Row> current,
      boolean deleteStale, Map<String, String> commitProperties) {
    List<String> keys = target.keyColumns();
    List<String> columns = Arrays.asList(rows.columns());
    Dataset<Row> source = rows.withColumn(OP, functions.lit("upsert"));
    if (deleteStale) {
      Dataset<Row> stale = current.join(scope, Columns.seq(scope.columns()), "left_semi")
          .select(Columns.cols(keys)).join(rows.select(Columns.cols(keys)), Columns.seq(keys), "left_anti");
      source = source.unionByName(stale.withColumn(OP, functions.lit("delete")), true);
    }
    String view = "batch_merge_source_" + VIEWS.incrementAndGet();
    source.createOrReplaceTempView(view);
    List<String> compared = columns.stream()
        .filter(c -> !keys.contains(c) && !c.equals(BatchCommits.LOADED_AT)).toList();
    String sql = "MERGE INTO " + target.qualifiedName() + " t USING " + view + " s ON "
        + Columns.joined(keys, "t.%c = s.%c", " AND ")
        + " WHEN MATCHED AND s." + OP + " = 'delete' THEN DELETE"
        + " WHEN MATCHED AND s." + OP + " = 'upsert'"
        + (compared.isEmpty() ? "" : " AND NOT (" + Columns.joined(compared, "t.%c <=> s.%c", " AND ") + ")")
        + " THEN UPDATE SET " + Columns.joined(columns, "%c = s.%c", ", ")
        + " WHEN NOT MATCHED AND s." + OP + " = 'upsert' THEN INSERT (" + String.join(", ", columns)
        + ") VALUES (" + Columns.joined(columns, "s.%c", ", ") + ")";
    try {
      commit(commitProperties, () -> spark.sql(sql));
    } finally {
      spark.catalog().dropTempView(view);
    }
  }

  private static void commit(Map<String, String> properties, ThrowingRunnable write) {
    try {
      CommitMetadata.withCommitProperties(properties, () -> {
        write.run();
        return null;
      }, Exception.class);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
