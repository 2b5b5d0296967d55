package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.streaming.MicroBatchMarker;
import io.olistlakehouse.testing.TestEventProducer;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestSpark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a real {@code bin/lakehouse ingest} at random points of a 500k-event ingest, restarting it each time;
 * one kill lands right after a batch commits to payment (one of the first tables it writes), so the restart must replay a batch that reached some
 * tables only. Then a SIGTERM, which must stop the job between batches. At the end bronze holds exactly what Kafka
 * holds, each (topic, partition, offset) once.
 */
class IngestCrashRecoveryIT {

  private static final int EVENTS = 500_000;
  private static final int KILLS = 6;
  /** Which run is killed right after a table commit instead of at a random time. */
  private static final int TARGETED_KILL = 2;
  private static final Pattern LANDED = Pattern.compile("(?m)^micro-batch (\\d+): ");

  @Test
  void killedAtRandomPointsAndRestartedBronzeHoldsEveryRecordOnce() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    IsolatedIngest ingest = IsolatedIngest.create(fixture, "crash");
    Map<BronzeStream, Long> sent;
    try (TestEventProducer producer = new TestEventProducer(ingest.config(), ingest.topics()).ensureTopics()) {
      producer.sendValid(0, EVENTS, EVENTS, Duration.ofDays(6));
      sent = Map.copyOf(producer.sent());
    }
    // Small batches, back to back: many batch boundaries and commits to land kills among. A warm batch of 10,000
    // takes about a second, so the 50 batches of the backlog outlast the six runs that are killed.
    Map<String, String> env = ingest.env(Map.of("ingest.max.offsets.per.trigger", "10000",
        "ingest.trigger.interval.ms", "1000"));
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<String> outputs = new ArrayList<>();
    Catalog catalog = IcebergCatalogs.open(ingest.config());
    try {
      TableIdentifier watched = TableIdentifier.of(ingest.settings().stream().namespace(), "payment");
      for (int kill = 0; kill < KILLS; kill++) {
        TestLauncher.Running job = TestLauncher.start(fixture, env, "ingest");
        await(() -> job.stdout().contains("ingest started") || !job.alive(), Duration.ofMinutes(3));
        if (kill == TARGETED_KILL) {
          Optional<Long> before = lastBatch(catalog, watched);
          await(() -> !lastBatch(catalog, watched).equals(before) || !job.alive(), Duration.ofMinutes(3));
        } else {
          // A random point: after 0, 1 or 2 batches of this run have landed, plus up to 1.5 s into the next.
          int landedFirst = random.nextInt(3);
          await(() -> landedBatches(job.stdout()) >= landedFirst || !job.alive(), Duration.ofMinutes(3));
          Thread.sleep(random.nextInt(1_500));
        }
        assertTrue(job.alive(), "the ingest ended before kill " + kill + " (seed " + seed + "): " + job.stdout()
            + job.stderr());
        job.kill9();
        outputs.add(job.stdout());
      }
      outputs.add(stopWithSigterm(fixture, env, catalog, ingest));
      TestLauncher.Result last = TestLauncher.run(fixture, env, "ingest", "--once");
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
    assertEquals(0, MicroBatchReplayIT.duplicates(spark, ingest), "no (topic, partition, offset) twice");
    assertTrue(String.join("\n", outputs).contains("already committed before a restart"),
        "a restart replayed a batch that had reached some tables (seed " + seed + "):\n" + String.join("\n", outputs));
  }

  /**
   * SIGTERM once a batch has landed: the job finishes the batch in flight and exits; no table holds a batch the job
   * did not report as landed (it stopped between batches, not inside one).
   */
  private static String stopWithSigterm(TestPlatform fixture, Map<String, String> env, Catalog catalog,
      IsolatedIngest ingest) throws InterruptedException {
    TestLauncher.Running job = TestLauncher.start(fixture, env, "ingest");
    await(() -> LANDED.matcher(job.stdout()).find() || !job.alive(), Duration.ofMinutes(3));
    assertTrue(job.alive(), "the ingest ended before SIGTERM: " + job.stdout() + job.stderr());
    job.terminate();
    await(() -> !job.alive(), Duration.ofSeconds(ingest.config().getLong("ingest.stop.grace.seconds") + 60));
    long lastReported = -1;
    Matcher landed = LANDED.matcher(job.stdout());
    while (landed.find()) {
      lastReported = Long.parseLong(landed.group(1));
    }
    for (BronzeStream stream : BronzeStream.values()) {
      Optional<Long> newest = lastBatch(catalog, TableIdentifier.of(ingest.settings().stream().namespace(),
          stream.streamName()));
      assertTrue(newest.orElse(-1L) <= lastReported, stream + " holds batch " + newest + " after SIGTERM, but the "
          + "job reported batch " + lastReported + " last:\n" + job.stdout());
    }
    return job.stdout();
  }

  private static int landedBatches(String stdout) {
    int n = 0;
    for (Matcher m = LANDED.matcher(stdout); m.find(); ) {
      n++;
    }
    return n;
  }

  /** The batch id of the table's newest ingest commit. */
  private static Optional<Long> lastBatch(Catalog catalog, TableIdentifier table) {
    Snapshot current = catalog.loadTable(table).currentSnapshot();
    return current == null ? Optional.empty() : MicroBatchMarker.of(current.summary()).map(MicroBatchMarker::batchId);
  }

  private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out after " + timeout);
      Thread.sleep(50);
    }
  }
}
