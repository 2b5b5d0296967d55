package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.streaming.CommittedMicroBatches;
import io.olistlakehouse.streaming.MicroBatchMarker;
import io.olistlakehouse.testing.TestCatalogs;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Driver-side commits on a real Iceberg table (in-memory catalog and file IO): upserts keep one row per key. */
class DriverCommitTest {

  private static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "order_id", Types.StringType.get()),
      Types.NestedField.optional(2, "status", Types.StringType.get()));

  private static final TableIdentifier ID = TableIdentifier.of("speed", "orders");

  private InMemoryCatalog catalog;
  private Table table;

  @BeforeEach
  void createTable() {
    catalog = TestCatalogs.withNamespace("speed");
    table = catalog.createTable(ID, SCHEMA, org.apache.iceberg.PartitionSpec
        .unpartitioned(), Map.of("format-version", "2"));
  }

  @Test
  void upsertReplacesTheKeysRowsAndKeepsTheRowsAddedBesideTheDeletes() throws IOException {
    MicroBatchMarker first = new MicroBatchMarker("q", 0);
    DriverCommit.upsert(table, "order_id", List.of(row("a", "in_progress"), row("b", "in_progress")),
        List.of("a", "b"), first);
    DriverCommit.upsert(table, "order_id", List.of(row("a", "delivered"), row("c", "in_progress")),
        List.of("a", "c"), new MicroBatchMarker("q", 1));
    table.refresh();

    assertEquals(Map.of("a", "delivered", "b", "in_progress", "c", "in_progress"), rows());
    Map<String, String> summary = table.currentSnapshot().summary();
    assertEquals("2", summary.get("added-records"));
    assertEquals("2", summary.get("added-equality-deletes"));
    assertEquals("1", summary.get(MicroBatchMarker.BATCH_ID));
    assertTrue(CommittedMicroBatches.find(table, first).isPresent(), "the first batch's marker stays findable");
  }

  @Test
  void maintenanceRewritesTheLiveRowsIntoOneFileAndRemovesEveryDeleteFile() throws IOException {
    DriverCommit.upsert(table, "order_id", List.of(row("a", "v1"), row("b", "v1")), List.of("a", "b"),
        new MicroBatchMarker("q", 0));
    DriverCommit.upsert(table, "order_id", List.of(row("a", "v2"), row("c", "v1")), List.of("a", "c"),
        new MicroBatchMarker("q", 1));
    DriverCommit.upsert(table, "order_id", List.of(row("b", "v3")), List.of("b"), new MicroBatchMarker("q", 2));
    table.refresh();
    Map<String, String> before = rows();

    SpeedMaintenance.rewriteAll(table, "order_id", 3);
    table.refresh();

    assertEquals(Map.of("a", "v2", "b", "v3", "c", "v1"), before);
    assertEquals(before, rows());
    Map<String, String> summary = table.currentSnapshot().summary();
    assertEquals("replace", table.currentSnapshot().operation());
    assertEquals("1", summary.get("total-data-files"));
    assertEquals("0", summary.get("total-delete-files"));
    assertEquals("3", summary.get("total-records"));
  }

  @Test
  void aRewriteWrittenWhileABatchCommitsKeepsTheBatchsUpserts() throws IOException {
    DriverCommit.upsert(table, "order_id", List.of(row("a", "v1"), row("b", "v1")), List.of("a", "b"),
        new MicroBatchMarker("q", 0));
    DriverCommit.upsert(table, "order_id", List.of(row("a", "v2")), List.of("a"), new MicroBatchMarker("q", 1));
    table.refresh();

    SpeedMaintenance.Rewrite rewrite = SpeedMaintenance.prepare(table, "order_id", 2).orElseThrow();
    // The next batch commits through its own table object before the rewrite does (maintenance in the background).
    DriverCommit.upsert(catalog.loadTable(ID), "order_id", List.of(row("b", "v3"), row("c", "v1")),
        List.of("b", "c"), new MicroBatchMarker("q", 3));
    rewrite.commit();
    table.refresh();

    assertEquals(Map.of("a", "v2", "b", "v3", "c", "v1"), rows());
    Map<String, String> summary = table.currentSnapshot().summary();
    assertEquals("replace", table.currentSnapshot().operation());
    assertEquals("2", summary.get("total-data-files"), "the rewrite's file and the batch's");
    assertEquals("1", summary.get("total-delete-files"), "the batch's deletes stay, and still apply");
  }

  @Test
  void appendAddsRowsAndNoDeletes() throws IOException {
    DriverCommit.append(table, List.of(row("a", "late")), new MicroBatchMarker("q", 3));
    DriverCommit.append(table, List.of(row("a", "late")), new MicroBatchMarker("q", 4));
    table.refresh();

    assertEquals("2", table.currentSnapshot().summary().get("total-records"));
    assertEquals("0", table.currentSnapshot().summary().get("total-delete-files"));
  }

  private Map<String, String> rows() throws IOException {
    Map<String, String> rows = new HashMap<>();
    try (CloseableIterable<Record> read = IcebergGenerics.read(table).build()) {
      for (Record r : read) {
        String before = rows.put((String) r.getField("order_id"), (String) r.getField("status"));
        assertEquals(null, before, "one row per key");
      }
    }
    return rows;
  }

  private static Record row(String id, String status) {
    Record r = GenericRecord.create(SCHEMA);
    r.setField("order_id", id);
    r.setField("status", status);
    return r;
  }
}
