package io.olistlakehouse.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.testing.TestCatalogs;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The idempotence check, on real Iceberg snapshot summaries of an in-memory catalog. */
class CommittedMicroBatchesTest {

  private static final String QUERY = "2c9ad0e2-54f5-4a8e-9d55-8f1a7e3f8d11";
  private Table table;
  private int files;

  @BeforeEach
  void createTable() {
    InMemoryCatalog catalog = TestCatalogs.withNamespace("bronze");
    Schema schema = new Schema(Types.NestedField.required(1, "order_id", Types.StringType.get()));
    table = catalog.createTable(TableIdentifier.of("bronze", "payment"), schema, PartitionSpec.unpartitioned());
  }

  /** An append as the ingest makes it: one commit whose summary carries the batch marker. */
  private Snapshot append(long records, Map<String, String> summary) {
    DataFile file = DataFiles.builder(table.spec()).withPath("s3://bucket/data/f" + (files++) + ".parquet")
        .withFormat(FileFormat.PARQUET).withFileSizeInBytes(1000).withRecordCount(records).build();
    AppendFiles append = table.newAppend().appendFile(file);
    summary.forEach(append::set);
    append.commit();
    return table.currentSnapshot();
  }

  private Snapshot commitBatch(String query, long batch, long records) {
    return append(records, new MicroBatchMarker(query, batch).summary());
  }

  @Test
  void theSummaryCarriesQueryAndBatchIdsAndTheRecordCount() {
    Snapshot s = commitBatch(QUERY, 4, 120);
    assertEquals(QUERY, s.summary().get("lakehouse.ingest.query-id"));
    assertEquals("4", s.summary().get("lakehouse.ingest.batch-id"));
    assertEquals("120", s.summary().get("added-records"));
    assertEquals(Optional.of(new MicroBatchMarker(QUERY, 4)), MicroBatchMarker.of(s.summary()));
    assertEquals(Map.of("snapshot-property.lakehouse.ingest.query-id", QUERY,
        "snapshot-property.lakehouse.ingest.batch-id", "4"), new MicroBatchMarker(QUERY, 4).writeOptions());
  }

  @Test
  void aCommittedBatchIsFoundWithWhatItAdded() {
    commitBatch(QUERY, 0, 10);
    Snapshot first = commitBatch(QUERY, 1, 20);
    commitBatch(QUERY, 2, 30);
    Optional<Snapshot> found = CommittedMicroBatches.find(table, new MicroBatchMarker(QUERY, 1));
    assertEquals(first.snapshotId(), found.orElseThrow().snapshotId());
    assertEquals(20, CommittedMicroBatches.addedRecords(found.get()));
  }

  @Test
  void theNextBatchIsNotCommittedYet() {
    commitBatch(QUERY, 0, 10);
    commitBatch(QUERY, 1, 20);
    assertFalse(CommittedMicroBatches.find(table, new MicroBatchMarker(QUERY, 2)).isPresent());
  }

  @Test
  void anEmptyTableHasNoBatch() {
    assertFalse(CommittedMicroBatches.find(table, new MicroBatchMarker(QUERY, 0)).isPresent());
  }

  @Test
  void otherWritersAndOtherQueriesAreWalkedPast() {
    Snapshot mine = commitBatch(QUERY, 7, 5);
    append(3, Map.of("note", "compaction"));
    commitBatch("another-query", 7, 9);
    append(1, Map.of());
    assertEquals(mine.snapshotId(), CommittedMicroBatches.find(table, new MicroBatchMarker(QUERY, 7)).orElseThrow()
        .snapshotId());
    assertEquals(9, CommittedMicroBatches.addedRecords(
        CommittedMicroBatches.find(table, new MicroBatchMarker("another-query", 7)).orElseThrow()));
  }

  @Test
  void aLowerBatchOfTheSameQueryEndsTheSearch() {
    // Batches commit in order: once batch 3 is seen, batch 5 cannot be further back (a marker there is ignored).
    commitBatch(QUERY, 5, 1);
    commitBatch(QUERY, 3, 1);
    assertFalse(CommittedMicroBatches.find(table, new MicroBatchMarker(QUERY, 5)).isPresent());
    assertTrue(CommittedMicroBatches.find(table, new MicroBatchMarker(QUERY, 3)).isPresent());
  }

  @Test
  void onlyTheCurrentAncestryCounts() {
    Snapshot base = commitBatch(QUERY, 0, 10);
    commitBatch(QUERY, 1, 20);
    // A rollback takes batch 1 out of the table's history: it must be written again.
    table.manageSnapshots().rollbackTo(base.snapshotId()).commit();
    assertFalse(CommittedMicroBatches.find(table, new MicroBatchMarker(QUERY, 1)).isPresent());
    assertTrue(CommittedMicroBatches.find(table, new MicroBatchMarker(QUERY, 0)).isPresent());
  }

  @Test
  void malformedMarkersAreNotMarkers() {
    assertEquals(Optional.empty(), MicroBatchMarker.of(Map.of("lakehouse.ingest.query-id", QUERY)));
    assertEquals(Optional.empty(), MicroBatchMarker.of(Map.of("lakehouse.ingest.query-id", QUERY,
        "lakehouse.ingest.batch-id", "x")));
    assertEquals(Optional.empty(), MicroBatchMarker.of(null));
  }
}
