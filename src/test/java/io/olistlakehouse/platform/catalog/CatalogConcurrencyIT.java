package io.olistlakehouse.platform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.platform.process.JavaCommand;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Two JVMs commit to one table at once through the JDBC catalog: no commit and no row may be lost. */
class CatalogConcurrencyIT {

  private static final int COMMITS_PER_WRITER = 50;
  private static final int ROWS_PER_COMMIT = 10;

  @Test
  void twoJvmsAppendingConcurrentlyKeepEveryCommitAndRow() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    TableIdentifier id = TableIdentifier.of("bronze", "catalog_concurrency_check");
    Catalog catalog = IcebergCatalogs.open(fixture.config());
    try {
      if (catalog.tableExists(id)) {
        catalog.dropTable(id, true);
      }
      // Two writers contend on every commit; allow more retries than the default four.
      catalog.createTable(id, ConcurrentAppender.SCHEMA, org.apache.iceberg.PartitionSpec.unpartitioned(),
          Map.of("commit.retry.num-retries", "50", "commit.retry.min-wait-ms", "20", "format-version", "2"));

      List<Writer> writers = new ArrayList<>();
      for (String writer : List.of("jvm-a", "jvm-b")) {
        writers.add(startWriter(fixture, id, writer));
      }
      for (Writer w : writers) {
        assertTrue(w.process().waitFor(10, TimeUnit.MINUTES), "writer JVM did not finish");
        assertEquals(0, w.process().exitValue(), "writer JVM failed:\n" + Files.readString(w.log()));
      }

      Table table = catalog.loadTable(id);
      List<Snapshot> history = new ArrayList<>();
      table.snapshots().forEach(history::add);
      assertEquals(2 * COMMITS_PER_WRITER, history.size(), "every commit is a snapshot");
      Set<Long> ids = new HashSet<>();
      Long parent = null;
      for (Snapshot s : history) {
        assertEquals(parent, s.parentId(), "history is one linear chain");
        assertEquals(String.valueOf(ROWS_PER_COMMIT), s.summary().get("added-records"));
        ids.add(s.snapshotId());
        parent = s.snapshotId();
      }
      assertEquals(2 * COMMITS_PER_WRITER, ids.size());
      assertEquals(String.valueOf(2 * COMMITS_PER_WRITER * ROWS_PER_COMMIT),
          table.currentSnapshot().summary().get("total-records"));

      Row counts = TestSpark.session().sql("SELECT count(*), count(DISTINCT writer, commit_no, row_no), "
          + "count(DISTINCT writer, commit_no) FROM lakehouse.bronze.catalog_concurrency_check").first();
      assertEquals(2L * COMMITS_PER_WRITER * ROWS_PER_COMMIT, counts.getLong(0));
      assertEquals(2L * COMMITS_PER_WRITER * ROWS_PER_COMMIT, counts.getLong(1));
      assertEquals(2L * COMMITS_PER_WRITER, counts.getLong(2));
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  private record Writer(Process process, Path log) {}

  private static Writer startWriter(TestPlatform fixture, TableIdentifier id, String writer) throws Exception {
    List<String> cmd = List.of(JavaCommand.javaExecutable(), "-Xmx384m", "-cp", System.getProperty("java.class.path"),
        ConcurrentAppender.class.getName(), fixture.configFile().toString(), id.toString(), writer,
        Integer.toString(COMMITS_PER_WRITER), Integer.toString(ROWS_PER_COMMIT));
    Path log = Files.createTempFile("appender-" + writer, ".log");
    return new Writer(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
  }
}
