package io.olistlakehouse.batch.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a source stands against a recorded snapshot, on a real Iceberg table in a local folder (metadata only: the
 * appended files need not exist for snapshot bookkeeping).
 */
class SourcePositionTest {

  private static final Schema SCHEMA = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));

  @TempDir
  Path dir;

  private Table table;
  private int files;

  @BeforeEach
  void create() {
    table = new HadoopTables(new Configuration()).create(SCHEMA, PartitionSpec.unpartitioned(),
        dir.resolve("t").toString());
  }

  private long append(Map<String, String> summary) {
    var append = table.newAppend().appendFile(file());
    summary.forEach(append::set);
    append.commit();
    return table.currentSnapshot().snapshotId();
  }

  private DataFile file() {
    return DataFiles.builder(PartitionSpec.unpartitioned()).withPath(dir.resolve("f" + files++ + ".parquet")
        .toString()).withFileSizeInBytes(10).withRecordCount(1).build();
  }

  private SourcePosition.State state(SourceTable.Kind kind, Long recorded) {
    return SourcePosition.of(new SourceTable("t", kind), table, recorded).state();
  }

  @Test
  void anEmptyTableIsUnchangedAndAFirstSnapshotIsNew() {
    assertEquals(SourcePosition.State.UNCHANGED, state(SourceTable.Kind.APPEND_ONLY, null));
    long first = append(Map.of());
    SourcePosition p = SourcePosition.of(SourceTable.appendOnly("t"), table, null);
    assertEquals(SourcePosition.State.ADVANCED, p.state());
    assertEquals(first, p.current());
  }

  @Test
  void anAncestorIsFollowedAndTheCurrentSnapshotIsUnchanged() {
    long first = append(Map.of());
    long second = append(Map.of());
    assertEquals(SourcePosition.State.ADVANCED, state(SourceTable.Kind.APPEND_ONLY, first));
    assertEquals(SourcePosition.State.UNCHANGED, state(SourceTable.Kind.APPEND_ONLY, second));
  }

  @Test
  void anExpiredOrUnknownSnapshotMeansHistoryWasRewritten() {
    long first = append(Map.of());
    append(Map.of());
    table.expireSnapshots().expireSnapshotId(first).commit();
    assertEquals(SourcePosition.State.REWRITTEN, state(SourceTable.Kind.APPEND_ONLY, first));
    assertEquals(SourcePosition.State.REWRITTEN, state(SourceTable.Kind.APPEND_ONLY, 42L));
  }

  @Test
  void aRecordedSnapshotOfATableNowEmptyIsRewritten() {
    assertEquals(SourcePosition.State.REWRITTEN, state(SourceTable.Kind.APPEND_ONLY, 42L));
  }

  @Test
  void aFullRecomputeOfABatchTableIsARewriteForItsReaders() {
    long first = append(BatchCommits.properties("silver.x", false, 1, Map.of()));
    append(BatchCommits.properties("silver.x", true, 2, Map.of()));
    assertEquals(SourcePosition.State.RECOMPUTED, state(SourceTable.Kind.BATCH_TABLE, first));
    assertEquals(SourcePosition.State.ADVANCED, state(SourceTable.Kind.APPEND_ONLY, first));
  }

  @Test
  void theLastBatchCommitSkipsOtherWritersAndCarriesTheCoveredSnapshots() {
    long batch = append(BatchCommits.properties("gold.y", false, 7, Map.of("lakehouse.silver.a", 11L)));
    append(Map.of()); // maintenance, say
    var last = BatchCommits.lastBatchCommit(table).orElseThrow();
    assertEquals(batch, last.snapshotId());
    assertEquals(Map.of("lakehouse.silver.a", 11L), BatchCommits.sources(last));
    assertEquals(7, BatchCommits.loadedAt(last));
    assertFalse(BatchCommits.full(last));
  }
}
