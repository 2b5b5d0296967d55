package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.streaming.MicroBatchMarker;
import io.olistlakehouse.testing.TestEventProducer;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestSpark;
import java.time.Duration;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * What foreachBatch's at-least-once delivery does to bronze: the same batch landed again (whole, or after only some
 * tables got it) adds nothing twice, and a table whose commit disagrees with the batch fails the batch loudly.
 */
class MicroBatchReplayIT {

  private static final int EVENTS = 2_400;

  @Test
  void aReplayedBatchLandsEachRecordOnceWhateverPartReachedTheTablesBefore() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    IsolatedIngest ingest = IsolatedIngest.create(fixture, "replay");
    produce(ingest);
    SparkSession spark = TestSpark.session();
    Catalog catalog = IcebergCatalogs.open(ingest.config());
    try {
      BronzeTables tables = new BronzeTables(catalog, ingest.settings());
      tables.ensureAll();
      for (BronzeStream stream : BronzeStream.values()) {
        // Another writer's commit first (unmarked), so that a table can be rolled back to before the batch.
        tables.load(tables.identifier(stream)).newAppend().set("note", "not the ingest").commit();
      }
      IngestSink landing = new IngestSink(ingest.settings(), tables);
      MicroBatchMarker batch = new MicroBatchMarker("replay-query", 0);

      IngestMicroBatchReport first = landing.write(kafka(spark, ingest), batch);
      assertEquals(EVENTS, first.read());
      assertEquals(List.of(), first.alreadyCommitted());

      IngestMicroBatchReport again = landing.write(kafka(spark, ingest), batch);
      assertEquals(9, again.alreadyCommitted().size(), again.toString());
      assertEquals(first.committed(), again.committed());

      // A crash after some commits: payment and order_item never got the batch.
      Table payment = tables.load(tables.identifier(BronzeStream.PAYMENT));
      payment.manageSnapshots().rollbackTo(payment.currentSnapshot().parentId()).commit();
      Table items = tables.load(tables.identifier(BronzeStream.ORDER_ITEM));
      items.manageSnapshots().rollbackTo(items.currentSnapshot().parentId()).commit();
      assertEquals(0, count(spark, ingest, "payment"));
      IngestMicroBatchReport resumed = landing.write(kafka(spark, ingest), batch);
      assertEquals(7, resumed.alreadyCommitted().size(), resumed.toString());
      assertTrue(!resumed.alreadyCommitted().contains("payment") && !resumed.alreadyCommitted().contains("order_item"));

      long total = 0;
      for (BronzeStream stream : BronzeStream.values()) {
        total += count(spark, ingest, stream.streamName());
      }
      assertEquals(EVENTS, total);
      assertEquals(0, duplicates(spark, ingest));
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  @Test
  void aCommitThatDisagreesWithTheBatchFailsIt() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    IsolatedIngest ingest = IsolatedIngest.create(fixture, "imbalance");
    produce(ingest);
    SparkSession spark = TestSpark.session();
    Catalog catalog = IcebergCatalogs.open(ingest.config());
    try {
      BronzeTables tables = new BronzeTables(catalog, ingest.settings());
      tables.ensureAll();
      IngestSink landing = new IngestSink(ingest.settings(), tables);
      landing.write(kafka(spark, ingest), new MicroBatchMarker("imbalance-query", 2));
      MicroBatchMarker batch = new MicroBatchMarker("imbalance-query", 3);
      // Something else committed one payment under the next batch's marker: that batch cannot balance.
      spark.table(ingest.table("payment")).limit(1).writeTo(ingest.table("payment")).options(batch.writeOptions())
          .append();

      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> landing.write(kafka(spark, ingest), batch));
      assertTrue(e.getMessage().contains("does not balance") && e.getMessage().contains("payment: expected "),
          e.getMessage());
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
  }

  private static void produce(IsolatedIngest ingest) {
    try (TestEventProducer producer = new TestEventProducer(ingest.config(), ingest.topics()).ensureTopics()) {
      producer.sendValid(0, EVENTS, EVENTS, Duration.ofDays(2));
    }
  }

  /** The topics as one batch DataFrame, as foreachBatch receives it. */
  private static Dataset<Row> kafka(SparkSession spark, IsolatedIngest ingest) {
    return spark.read().format("kafka")
        .option("kafka.bootstrap.servers", ingest.settings().stream().bootstrapServers())
        .option("subscribe", String.join(",", ingest.topics().all()))
        .option("startingOffsets", "earliest").option("endingOffsets", "latest")
        .load();
  }

  private static long count(SparkSession spark, IsolatedIngest ingest, String table) {
    return spark.sql("SELECT count(*) FROM " + ingest.table(table)).first().getLong(0);
  }

  static long duplicates(SparkSession spark, IsolatedIngest ingest) {
    StringBuilder union = new StringBuilder();
    for (BronzeStream stream : BronzeStream.values()) {
      union.append(union.length() == 0 ? "" : " UNION ALL ")
          .append("SELECT kafka_topic, kafka_partition, kafka_offset FROM ").append(ingest.table(stream.streamName()));
    }
    union.append(" UNION ALL SELECT kafka_topic, kafka_partition, kafka_offset FROM ")
        .append(ingest.table("dead_letter"));
    return spark.sql("SELECT kafka_topic, kafka_partition, kafka_offset FROM (" + union + ") "
        + "GROUP BY kafka_topic, kafka_partition, kafka_offset HAVING count(*) > 1").count();
  }
}
