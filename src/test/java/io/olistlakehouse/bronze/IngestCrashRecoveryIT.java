package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.it.LakehouseLauncher;
import io.olistlakehouse.it.PlatformFixture;
import io.olistlakehouse.it.TestSpark;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a real {@code bin/lakehouse ingest} at random points of a 500k-event ingest, restarting it each time;
 * one kill lands right after a batch commits to payment (one of the first tables it writes), so the restart must replay a batch that reached some
 * tables only. At the end bronze holds exactly what Kafka holds, each (topic, partition, offset) once.
 */
class IngestCrashRecoveryIT {

  private static final int EVENTS = 500_000;
  private static final int KILLS = 6;
  /** Which run is killed right after a table commit instead of at a random time. */
  private static final int TARGETED_KILL = 2;

  @Test
  void killedAtRandomPointsAndRestartedBronzeHoldsEveryRecordOnce() throws Exception {
    PlatformFixture fixture = PlatformFixture.shared();
    IsolatedIngest ingest = IsolatedIngest.create(fixture, "crash");
    Map<BronzeStream, Long> sent;
    try (TestEventProducer producer = new TestEventProducer(ingest.config(), ingest.topics()).ensureTopics()) {
      producer.sendValid(0, EVENTS, EVENTS, Duration.ofDays(6));
      sent = Map.copyOf(producer.sent());
    }
    // Small batches, back to back: many batch boundaries and commits to land kills among.
    Map<String, String> env = ingest.env(Map.of("ingest.max.offsets.per.trigger", "50000",
        "ingest.trigger.interval.seconds", "1"));
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<String> outputs = new ArrayList<>();
    Catalog catalog = IcebergCatalogs.open(ingest.config());
    try {
      TableIdentifier watched = TableIdentifier.of(ingest.settings().namespace(), "payment");
      for (int kill = 0; kill < KILLS; kill++) {
        LakehouseLauncher.Running job = LakehouseLauncher.start(fixture, env, "ingest");
        await(() -> job.stdout().contains("ingest started") || !job.alive(), Duration.ofMinutes(3));
        if (kill == TARGETED_KILL) {
          Optional<Long> before = lastBatch(catalog, watched);
          await(() -> !lastBatch(catalog, watched).equals(before) || !job.alive(), Duration.ofMinutes(3));
        } else {
          Thread.sleep(random.nextInt(6_000));
        }
        assertTrue(job.alive(), "the ingest ended before kill " + kill + " (seed " + seed + "): " + job.stdout()
            + job.stderr());
        job.kill9();
        outputs.add(job.stdout());
      }
      LakehouseLauncher.Result last = LakehouseLauncher.run(fixture, env, "ingest", "--once");
      assertEquals(0, last.exitCode(), last.stderr());
      outputs.add(last.stdout());
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }

    System.out.println("kill seed " + seed + "; ingest runs:\n" + String.join("\n--\n", outputs));
    SparkSession spark = TestSpark.session();
    long landed = 0;
    for (BronzeStream stream : BronzeStream.values()) {
      long rows = spark.sql("SELECT count(*) FROM " + ingest.table(stream.streamName())).first().getLong(0);
      assertEquals(sent.get(stream), rows, stream.streamName() + " (kill seed " + seed + ")");
      landed += rows;
    }
    assertEquals(EVENTS, landed);
    assertEquals(0, spark.sql("SELECT count(*) FROM " + ingest.table("dead_letter")).first().getLong(0));
    assertEquals(0, BatchReplayIT.duplicates(spark, ingest), "no (topic, partition, offset) twice");
    assertTrue(String.join("\n", outputs).contains("already committed before a restart"),
        "a restart replayed a batch that had reached some tables (seed " + seed + "):\n" + String.join("\n", outputs));
  }

  /** The batch id of the table's newest ingest commit. */
  private static Optional<Long> lastBatch(Catalog catalog, TableIdentifier table) {
    Snapshot current = catalog.loadTable(table).currentSnapshot();
    return current == null ? Optional.empty() : BatchMarker.of(current.summary()).map(BatchMarker::batchId);
  }

  private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out after " + timeout);
      Thread.sleep(50);
    }
  }
}
