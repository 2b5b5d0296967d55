package io.olistlakehouse.batch.incremental;

/**
 * A table a batch job reads, and how its changes since a snapshot are found: bronze tables are append-only, so
 * Iceberg's incremental append scan gives exactly the rows added; the batch layer's own tables are upserted, so their
 * rows carry {@link BatchCommits#LOADED_AT} and a change is a row loaded after the recorded commit.
 */
public record SourceTable(String qualifiedName, Kind kind) {

  public enum Kind { APPEND_ONLY, BATCH_TABLE }

  public static SourceTable appendOnly(String qualifiedName) {
    return new SourceTable(qualifiedName, Kind.APPEND_ONLY);
  }

  public static SourceTable batchTable(String qualifiedName) {
    return new SourceTable(qualifiedName, Kind.BATCH_TABLE);
  }
}
