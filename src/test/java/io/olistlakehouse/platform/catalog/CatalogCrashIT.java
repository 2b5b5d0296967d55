package io.olistlakehouse.platform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.olistlakehouse.testing.TestPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The catalog server killed with -9 right after a round of commits returned, as the chaos suite does: every commit
 * it acknowledged must still be each table's current snapshot when it is back. A commit the catalog forgets is data
 * lost without an error: the writer moved on (a streaming checkpoint, say) and the next commit builds on the older
 * pointer.
 */
class CatalogCrashIT {

  private static final int TABLES = 6;
  private static final int CRASHES = 3;
  private static final int ROWS_PER_COMMIT = 5;

  @Test
  void everyAcknowledgedCommitSurvivesAKillOfTheCatalogServer() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    List<TableIdentifier> ids = new ArrayList<>();
    for (int t = 0; t < TABLES; t++) {
      ids.add(TableIdentifier.of("bronze", "catalog_crash_" + t));
    }
    withCatalog(fixture, catalog -> {
      for (TableIdentifier id : ids) {
        if (catalog.tableExists(id)) {
          catalog.dropTable(id, true);
        }
        catalog.createTable(id, ConcurrentAppender.SCHEMA, PartitionSpec.unpartitioned(), Map.of());
      }
    });
    ExecutorService writers = Executors.newFixedThreadPool(TABLES);
    try {
      for (int crash = 1; crash <= CRASHES; crash++) {
        int round = crash;
        List<Long> acknowledged = new ArrayList<>();
        withCatalog(fixture, catalog -> {
          // The tables commit at the same moment, like the ingest's per-table commits of one micro-batch.
          List<Future<Long>> commits = new ArrayList<>();
          for (TableIdentifier id : ids) {
            Table table = catalog.loadTable(id);
            commits.add(writers.submit(() -> ConcurrentAppender.append(table, "round", round, ROWS_PER_COMMIT)));
          }
          for (Future<Long> commit : commits) {
            acknowledged.add(commit.get());
          }
        });
        fixture.platform().supervisor().kill(CatalogServer.NAME);
        fixture.platform().up();
        withCatalog(fixture, catalog -> {
          for (int t = 0; t < TABLES; t++) {
            Table table = catalog.loadTable(ids.get(t));
            Long current = table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId();
            assertEquals(acknowledged.get(t), current, ids.get(t)
                + " lost the commit acknowledged before kill -9 number " + round + " of the catalog server");
            assertEquals(round, countSnapshots(table), ids.get(t) + ": one snapshot per round");
          }
        });
      }
    } finally {
      writers.shutdownNow();
    }
  }

  private static int countSnapshots(Table table) {
    int n = 0;
    for (var ignored : table.snapshots()) {
      n++;
    }
    return n;
  }

  private interface CatalogUse {
    void accept(Catalog catalog) throws Exception;
  }

  /** A fresh client each time: the pooled connections of the last one died with the server. */
  private static void withCatalog(TestPlatform fixture, CatalogUse use) throws Exception {
    Catalog catalog = IcebergCatalogs.open(fixture.config());
    try {
      use.accept(catalog);
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }
}
