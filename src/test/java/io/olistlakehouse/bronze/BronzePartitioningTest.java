package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.bronze.BronzePartitioning.Granularity;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.testing.TestCatalogs;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.junit.jupiter.api.Test;

/** Granularity per table from the configuration, and existing tables moved to it by partition evolution. */
class BronzePartitioningTest {

  private static final Path HOME = Path.of(".").toAbsolutePath().normalize();

  private static IngestSettings settings(Map<String, String> env) {
    return IngestSettings.from(LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"), env, HOME));
  }

  @Test
  void streamTablesFollowTheDefaultAndDeadLettersStayUnpartitioned() {
    BronzePartitioning p = settings(Map.of()).partitioning();
    for (BronzeStream stream : BronzeStream.values()) {
      assertEquals(Granularity.MONTH, p.of(stream.streamName()), stream.streamName());
    }
    assertEquals(Granularity.NONE, p.of(BronzeTables.DEAD_LETTER));
  }

  @Test
  void oneTableCanBeSetApart() {
    BronzePartitioning p = settings(Map.of("LAKEHOUSE_INGEST_PARTITION_GRANULARITY", "year",
        "LAKEHOUSE_INGEST_PARTITION_GRANULARITY_ORDER_STATUS", "day")).partitioning();
    assertEquals(Granularity.DAY, p.of("order_status"));
    assertEquals(Granularity.YEAR, p.of("payment"));
  }

  @Test
  void nonsenseIsRefusedWithTheKeyNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> settings(Map.of("LAKEHOUSE_INGEST_PARTITION_GRANULARITY_PAYMENT", "weekly")));
    assertTrue(e.getMessage().contains("ingest.partition.granularity.payment=weekly"), e.getMessage());
  }

  @Test
  void anExistingTableEvolvesInPlaceAndItsFilesKeepTheirSpec() {
    InMemoryCatalog catalog = TestCatalogs.withNamespace("bronze");
    BronzeTables dayTables = new BronzeTables(catalog, settings(Map.of("LAKEHOUSE_INGEST_PARTITION_GRANULARITY",
        "day")));
    dayTables.ensureAll();
    TableIdentifier payment = dayTables.identifier(BronzeStream.PAYMENT);
    Table before = catalog.loadTable(payment);
    assertEquals("day", before.spec().fields().get(0).transform().toString());
    DataFile written = DataFiles.builder(before.spec()).withPath("s3://bucket/payment/day-file.avro")
        .withFormat(FileFormat.AVRO).withFileSizeInBytes(100).withRecordCount(3)
        .withPartitionPath("event_time_day=2017-03-01").build();
    before.newAppend().appendFile(written).commit();
    long snapshot = before.currentSnapshot().snapshotId();

    new BronzeTables(catalog, settings(Map.of())).ensureAll();

    Table after = catalog.loadTable(payment);
    assertEquals("month", after.spec().fields().get(0).transform().toString());
    assertEquals(1, after.spec().fields().size());
    assertEquals(snapshot, after.currentSnapshot().snapshotId(), "evolution writes no data and no snapshot");
    DataFile kept = after.currentSnapshot().addedDataFiles(after.io()).iterator().next();
    assertEquals(before.spec().specId(), kept.specId(), "the older file keeps the spec it was written with");
    assertEquals(Granularity.NONE.spec(after.schema()), catalog.loadTable(dayTables.deadLetter()).spec());

    int specs = after.specs().size();
    new BronzeTables(catalog, settings(Map.of())).ensureAll();
    assertEquals(specs, catalog.loadTable(payment).specs().size(), "a second start changes nothing");
  }
}
