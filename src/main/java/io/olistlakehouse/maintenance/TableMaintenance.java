package io.olistlakehouse.maintenance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.DeleteOrphanFiles;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.actions.SizeBasedFileRewritePlanner;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.SparkSession;

/**
 * The maintenance steps on one table, each loading the table afresh and committing on its own, so a step that
 * loses a commit race to a running writer (the speed job upserting, an ingest appending) leaves the others to run.
 * No step changes a row: compaction rewrites live rows into fewer files, the others only touch metadata and
 * unreferenced files.
 */
final class TableMaintenance {

  private final SparkSession spark;
  private final Catalog catalog;
  private final MaintenanceSettings settings;

  TableMaintenance(SparkSession spark, Catalog catalog, MaintenanceSettings settings) {
    this.spark = spark;
    this.catalog = catalog;
    this.settings = settings;
  }

  /** Runs the configured steps; {@code recordedPositions}: this table's snapshots that batch jobs will read from. */
  List<StepOutcome> run(TableIdentifier id, Set<Long> recordedPositions) {
    List<StepOutcome> outcomes = new ArrayList<>();
    for (MaintenanceStep step : settings.steps()) {
      long start = System.nanoTime();
      StepOutcome.Status status = StepOutcome.Status.DONE;
      String detail;
      try {
        Table table = catalog.loadTable(id);
        detail = table.currentSnapshot() == null ? "empty table" : switch (step) {
          case REWRITE_DATA_FILES -> rewriteDataFiles(table);
          case REWRITE_MANIFESTS -> rewriteManifests(table);
          case EXPIRE_SNAPSHOTS -> expireSnapshots(table, recordedPositions);
          case REMOVE_ORPHAN_FILES -> removeOrphanFiles(table);
        };
      } catch (RuntimeException e) {
        status = lostCommitRace(e) ? StepOutcome.Status.SKIPPED : StepOutcome.Status.FAILED;
        detail = (status == StepOutcome.Status.SKIPPED ? "a writer committed meanwhile, the next run tries again: "
            : "") + e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      outcomes.add(new StepOutcome(id.toString(), step, status, detail,
          Duration.ofNanos(System.nanoTime() - start)));
    }
    return outcomes;
  }

  /**
   * Binpacks small files (and files with many deleted rows) of each partition into files of the target size. New files
   * keep the sequence number of the snapshot the rewrite started from, so deletes committed meanwhile still apply
   * to them; position deletes left pointing only at rewritten files are dropped in the same commit.
   */
  private String rewriteDataFiles(Table table) {
    String before = files(table.currentSnapshot());
    RewriteDataFiles.Result result = SparkActions.get(spark).rewriteDataFiles(table).binPack()
        .option(SizeBasedFileRewritePlanner.MIN_INPUT_FILES, Integer.toString(settings.minInputFiles()))
        .option(RewriteDataFiles.TARGET_FILE_SIZE_BYTES, Long.toString(settings.targetFileSizeBytes()))
        .option(RewriteDataFiles.REMOVE_DANGLING_DELETES, "true")
        .execute();
    table.refresh();
    return String.format("%d data files rewritten into %d; files %s -> %s", result.rewrittenDataFilesCount(),
        result.addedDataFilesCount(), before, files(table.currentSnapshot()));
  }

  /** Merges the current snapshot's manifests into few (commits leave one small manifest each). */
  private String rewriteManifests(Table table) {
    int before = table.currentSnapshot().allManifests(table.io()).size();
    if (before < settings.manifestsMinCount()) {
      return before + " manifests, fewer than " + settings.manifestsMinCount() + ": nothing to do";
    }
    SparkActions.get(spark).rewriteManifests(table).execute();
    table.refresh();
    return "manifests " + before + " -> " + table.currentSnapshot().allManifests(table.io()).size();
  }

  /** Expires snapshots older than the cutoff that keeps every snapshot the pipelines still need. */
  private String expireSnapshots(Table table, Set<Long> recordedPositions) {
    List<SnapshotEntry> ancestry = new ArrayList<>();
    SnapshotUtil.currentAncestors(table).forEach(s -> ancestry.add(SnapshotEntry.of(s)));
    long retentionCutoff = System.currentTimeMillis() - settings.snapshotRetention().toMillis();
    RetainedSnapshots.Expiry expiry = RetainedSnapshots.expiry(ancestry, retentionCutoff, settings.retainLast(),
        recordedPositions);
    Set<Long> before = snapshotIds(table);
    // The table API deletes the expired snapshots' files from the driver: Spark's action only pays off once there
    // are too many files for one process to delete.
    table.expireSnapshots().expireOlderThan(expiry.olderThanMillis()).retainLast(settings.retainLast()).commit();
    table.refresh();
    Set<Long> expired = new HashSet<>(before);
    expired.removeAll(snapshotIds(table));
    long protectedOlder = expiry.kept().keySet().stream().filter(kept -> ancestry.stream()
        .anyMatch(s -> s.snapshotId() == kept && s.timestampMillis() < retentionCutoff)).count();
    return String.format("snapshots %d -> %d (%d expired; %d older than the retention kept for the pipelines)",
        before.size(), before.size() - expired.size(), expired.size(), protectedOlder);
  }

  /**
   * Deletes files under the table's location that no snapshot references and that are older than the minimum age
   * (younger ones may belong to a commit in flight). Listed through the table's FileIO (S3 prefix listing): Spark's
   * Hadoop file systems know no s3:// scheme here, the catalog reads and writes through S3FileIO.
   */
  private String removeOrphanFiles(Table table) {
    long olderThan = System.currentTimeMillis() - settings.orphanMinAge().toMillis();
    DeleteOrphanFiles.Result result = SparkActions.get(spark).deleteOrphanFiles(table).usePrefixListing(true)
        .olderThan(olderThan).execute();
    int removed = 0;
    for (String ignored : result.orphanFileLocations()) {
      removed++;
    }
    return removed + " orphan files removed (older than " + settings.orphanMinAge().toHours() + " h)";
  }

  private static String files(Snapshot snapshot) {
    return snapshot.summary().getOrDefault(SnapshotSummary.TOTAL_DATA_FILES_PROP, "0") + " data + "
        + snapshot.summary().getOrDefault(SnapshotSummary.TOTAL_DELETE_FILES_PROP, "0") + " delete";
  }

  private static Set<Long> snapshotIds(Table table) {
    Set<Long> ids = new HashSet<>();
    table.snapshots().forEach(s -> ids.add(s.snapshotId()));
    return ids;
  }

  /** A commit refused because the table moved on (Iceberg retries those a few times before giving up). */
  private static boolean lostCommitRace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CommitFailedException || t instanceof ValidationException) {
        return true;
      }
    }
    return false;
  }
}
