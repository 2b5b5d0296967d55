package io.olistlakehouse.batch.incremental;

import java.util.List;

/**
 * The table a batch job writes: its name, its columns as DDL, its natural key, the columns that scope an
 * incremental recompute (an order, a cell) and its layout. {@code tracksChanges} adds {@link BatchCommits#LOADED_AT}
 * for jobs that read this table's changes.
 */
public record TargetTable(String qualifiedName, String columnsDdl, List<String> keyColumns,
    List<String> scopeColumns, String partitionedBy, String orderedBy, boolean tracksChanges) {

  public TargetTable {
    if (keyColumns.isEmpty() || scopeColumns.isEmpty()) {
      throw new IllegalArgumentException(qualifiedName + ": a batch table needs a key and a scope");
    }
  }

  /** Row-level changes write delete files: untouched rows are never rewritten by an incremental run. */
  static final String PROPERTIES = "'format-version'='2', 'write.merge.mode'='merge-on-read', "
      + "'write.update.mode'='merge-on-read', 'write.delete.mode'='merge-on-read', "
      + "'write.metadata.delete-after-commit.enabled'='true', 'write.metadata.previous-versions-max'='100'";

  String createSql() {
    return "CREATE TABLE IF NOT EXISTS " + qualifiedName + " (" + columnsDdl
        + (tracksChanges ? ", " + BatchCommits.LOADED_AT + " TIMESTAMP" : "") + ") USING iceberg"
        + (partitionedBy == null ? "" : " PARTITIONED BY (" + partitionedBy + ")")
        + " TBLPROPERTIES (" + PROPERTIES + ")";
  }
}
