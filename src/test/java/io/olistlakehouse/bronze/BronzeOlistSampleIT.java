package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.platform.kafka.CommittedRecords;
import io.olistlakehouse.platform.kafka.KafkaClients;
import io.olistlakehouse.platform.kafka.KafkaClients.Role;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestOlistSample;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestSpark;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The real sample end to end: after {@code bin/lakehouse replay --max} of ../shared/olist-sample and the ingest's
 * {@code once} mode run by a stock spark-submit of the application jar ({@code bin/lakehouse submit bronze_ingest}:
 * pyspark 3.5.1's Spark, with the Kafka connector, Iceberg, the S3 bundle and the registry client from the jar),
 * each bronze table holds as many rows as its topic holds committed records, nothing is dead-lettered, and the money
 * columns (payment_value, price, freight_value) sum to exactly what the CSVs sum to, computed by Spark's CSV reader
 * apart from the replayer and the ingest. A batch job submitted the same way then builds silver from that bronze.
 */
class BronzeOlistSampleIT {

  @Test
  void bronzeHoldsEveryReplayedRecordAndTheMoneySumsOfTheCsvs() {
    TestPlatform fixture = TestPlatform.shared();
    // Own topics, namespace and checkpoint; the replay writes to the topics the ingest reads.
    IsolatedIngest ingest = IsolatedIngest.create(fixture, "sample");
    BronzeTopics topics = ingest.topics();
    String silver = "it_" + ingest.name() + "_silver";
    Map<String, String> env = ingest.env(Map.of("replay.topic.prefix", topics.prefix(), "batch.bronze.namespace",
        ingest.settings().stream().namespace(), "batch.silver.namespace", silver, "batch.gold.namespace",
        "it_" + ingest.name() + "_gold"));
    String dir = TestOlistSample.dir().toString();

    TestLauncher.Result replay = TestLauncher.run(fixture, env, "replay", "--olist-dir", dir, "--max");
    assertEquals(0, replay.exitCode(), replay.stderr());
    // Only with nothing rejected is every CSV row an event, so that the sums must match to the cent.
    assertTrue(replay.stdout().contains("rejected source rows: 0"), replay.stdout());
    TestLauncher.Result landed = TestLauncher.run(fixture, env, "submit", "bronze_ingest", "--mode", "once");
    assertEquals(0, landed.exitCode(), landed.stdout() + landed.stderr());
    assertTrue(landed.stderr().contains("pyspark/bin/spark-submit ")
        && landed.stderr().contains("olist-lakehouse-app.jar"), "a stock spark-submit of the application jar: "
        + landed.stderr());
    System.out.println("replay:\n" + replay.stdout() + "submit bronze_ingest --mode once:\n" + landed.stdout());

    SparkSession spark = TestSpark.session();
    Map<String, Long> committed = CommittedRecords.count(KafkaClients.properties(fixture.config(), Role.ADMIN),
        topics.all(), Duration.ofMinutes(2));
    Map<String, Long> inTopics = new TreeMap<>();
    Map<String, Long> inTables = new TreeMap<>();
    for (BronzeStream stream : BronzeStream.values()) {
      long records = committed.get(topics.topic(stream));
      // A topic the replay never wrote would count 0 on both sides and prove nothing.
      assertTrue(records > 0, topics.topic(stream) + " holds no committed record");
      inTopics.put(stream.streamName(), records);
      inTables.put(stream.streamName(), count(spark, "SELECT count(*) FROM " + ingest.table(stream.streamName())));
    }
    System.out.println("committed records per topic: " + inTopics + "\nrows per bronze table: " + inTables);
    assertEquals(inTopics, inTables);
    assertEquals(0, count(spark, "SELECT count(*) FROM " + ingest.table("dead_letter")), "dead letters");
    // Partitions sized to the data: the sample's 83,551 records once took ~5,500 day files of ~15 records each.
    long dataFiles = 0;
    for (BronzeStream stream : BronzeStream.values()) {
      dataFiles += count(spark, "SELECT count(*) FROM " + ingest.table(stream.streamName()) + ".files");
    }
    System.out.println("data files of the sample's landing: " + dataFiles);
    assertTrue(dataFiles <= 400, dataFiles + " data files for the sample");

    csvView(spark, "olist_orders_dataset.csv", "csv_orders");
    csvView(spark, "olist_order_payments_dataset.csv", "csv_payments");
    csvView(spark, "olist_order_items_dataset.csv", "csv_items");
    assertEquals(count(spark, "SELECT count(DISTINCT order_id) FROM csv_orders"),
        count(spark, "SELECT count(DISTINCT order_id) FROM " + ingest.table("order_status")),
        "orders with a status event");
    assertMoney(spark, "payment_value", "csv_payments", ingest.table("payment"));
    assertMoney(spark, "price", "csv_items", ingest.table("order_item"));
    assertMoney(spark, "freight_value", "csv_items", ingest.table("order_item"));

    TestLauncher.Result built = TestLauncher.run(fixture, env, "submit", "silver_product", "--mode", "full");
    assertEquals(0, built.exitCode(), built.stdout() + built.stderr());
    String product = fixture.config().get("catalog.name") + "." + silver + ".product";
    assertEquals(count(spark, "SELECT count(DISTINCT product_id) FROM " + ingest.table("product")),
        count(spark, "SELECT count(*) FROM " + product), "one silver row per product, from the submitted job");
    Row commit = spark.sql("SELECT summary['lakehouse.batch.job'], summary['lakehouse.batch.mode'] FROM " + product
        + ".snapshots ORDER BY committed_at DESC LIMIT 1").first();
    assertEquals(List.of("silver.product", "full"), List.of(commit.getString(0), commit.getString(1)));
  }

  /** A sample file as text columns, read as ReplayOlistSampleIT reads it. */
  private static void csvView(SparkSession spark, String file, String view) {
    spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
        .csv(TestOlistSample.dir().resolve(file).toString()).createOrReplaceTempView(view);
  }

  /** The column's sum in the CSV equals its sum in bronze, to the cent. */
  private static void assertMoney(SparkSession spark, String column, String csvView, String table) {
    // Four decimals, then back to two without rounding: a sub-cent amount in the CSV fails here instead of being
    // rounded away by the cast; an amount Spark cannot parse would drop out of its sum, so none may be null.
    Row csv = spark.sql("SELECT sum(cast(" + column + " AS decimal(16,4))), count_if(cast(" + column
        + " AS decimal(16,4)) IS NULL) FROM " + csvView).first();
    assertEquals(0L, csv.getLong(1), column + " values in " + csvView + " that are not amounts");
    BigDecimal expected = csv.getDecimal(0).setScale(2, RoundingMode.UNNECESSARY);
    BigDecimal actual = spark.sql("SELECT sum(" + column + ") FROM " + table).first().getDecimal(0);
    System.out.println("sum(" + column + "): CSV " + expected + ", " + table + " " + actual);
    assertEquals(expected, actual, "sum(" + column + ") of " + table);
  }

  private static long count(SparkSession spark, String sql) {
    return spark.sql(sql).first().getLong(0);
  }
}
