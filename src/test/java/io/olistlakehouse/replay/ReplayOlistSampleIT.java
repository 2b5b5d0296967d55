package io.olistlakehouse.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.platform.kafka.CommittedRecords;
import io.olistlakehouse.platform.kafka.KafkaClients;
import io.olistlakehouse.platform.kafka.KafkaClients.Role;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestOlistSample;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/lakehouse replay --max} of the real sample: per-topic read_committed counts equal what the rules imply,
 * computed from the CSVs by Spark; a second run publishes nothing. Malformed rows are reported and the rest is
 * replayed.
 */
class ReplayOlistSampleIT {

  private static SparkSession spark;
  private final TestPlatform fixture = TestPlatform.shared();

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  @AfterAll
  static void stopSpark() {
    spark.close();
  }

  @Test
  void perTopicCountsAreThoseTheRulesImplyAndASecondRunPublishesNothing() {
    String prefix = "it-sample-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Map<String, String> env = Map.of("LAKEHOUSE_REPLAY_TOPIC_PREFIX", prefix);
    String dir = TestOlistSample.dir().toString();
    TestLauncher.Result first = TestLauncher.run(fixture, env, "replay", "--olist-dir", dir, "--max");
    assertEquals(0, first.exitCode(), first.stderr());
    assertTrue(first.stdout().contains("rejected source rows: 0"), first.stdout());

    Map<String, Long> expected = OlistExpectedCounts.of(spark, TestOlistSample.dir());
    assertEquals(new TreeMap<>(expected), committedCounts(prefix));

    TestLauncher.Result second = TestLauncher.run(fixture, env, "replay", "--olist-dir", dir, "--max");
    assertEquals(0, second.exitCode(), second.stderr());
    assertTrue(second.stdout().contains("already completed"), second.stdout());
    assertEquals(new TreeMap<>(expected), committedCounts(prefix), "the second run published nothing");
  }

  @Test
  void malformedRowsAreReportedWithFileLineAndReasonAndTheRestIsReplayed(@TempDir Path tmp) throws IOException {
    Path dirty = Files.createDirectories(tmp.resolve("dirty"));
    Path clean = Files.createDirectories(tmp.resolve("clean"));
    try (Stream<Path> files = Files.list(TestOlistSample.dir())) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(f, dirty.resolve(f.getFileName()));
        Files.copy(f, clean.resolve(f.getFileName()));
      }
    }
    // Line numbers are 1-based with the header on line 1. The clean copy drops the broken rows, so what Spark
    // counts there is what the replay of the dirty copy must publish.
    int payment = breakRow(dirty, clean, "olist_order_payments_dataset.csv", 40,
        line -> replaceField(line, 4, "12.x4"));
    int item = breakRow(dirty, clean, "olist_order_items_dataset.csv", 70,
        line -> line.substring(0, line.lastIndexOf(',')));
    int review = breakRow(dirty, clean, "olist_order_reviews_dataset.csv", 100,
        line -> replaceField(line, 3, "\"never closed"));

    String prefix = "it-malformed-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    TestLauncher.Result r = TestLauncher.run(fixture, Map.of("LAKEHOUSE_REPLAY_TOPIC_PREFIX", prefix),
        "replay", "--olist-dir", dirty.toString(), "--max");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().contains("rejected source rows: 3"), r.stdout());
    assertTrue(r.stdout().contains("olist_order_payments_dataset.csv:" + payment + ": payment_value '12.x4'"),
        r.stdout());
    assertTrue(r.stdout().contains("olist_order_items_dataset.csv:" + item + ": missing column"), r.stdout());
    assertTrue(r.stdout().contains("olist_order_reviews_dataset.csv:" + review + ": "), r.stdout());
    assertEquals(new TreeMap<>(OlistExpectedCounts.of(spark, clean)), committedCounts(prefix));
  }

  /** Breaks the first single-line data row at or after {@code fromLine} in dirty and deletes it from clean. */
  private static int breakRow(Path dirty, Path clean, String file, int fromLine,
      java.util.function.UnaryOperator<String> damage) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(dirty.resolve(file), StandardCharsets.UTF_8));
    int index = fromLine - 1;
    // A row without quotes is a whole record on one line (review comments can span lines).
    while (lines.get(index).contains("\"") || !lines.get(index).matches("^[0-9a-f]{32},.*")) {
      index++;
    }
    List<String> without = new ArrayList<>(lines);
    without.remove(index);
    lines.set(index, damage.apply(lines.get(index)));
    Files.write(dirty.resolve(file), lines, StandardCharsets.UTF_8);
    Files.write(clean.resolve(file), without, StandardCharsets.UTF_8);
    return index + 1;
  }

  private static String replaceField(String line, int index, String value) {
    String[] fields = line.split(",", -1);
    fields[index] = value;
    return String.join(",", fields);
  }

  private Map<String, Long> committedCounts(String prefix) {
    ReplayTopics topics = new ReplayTopics(prefix, "_replay_position");
    Map<String, Long> byStream = new TreeMap<>();
    Map<String, Long> counts = CommittedRecords.count(KafkaClients.properties(fixture.config(), Role.ADMIN),
        topics.eventTopics(), Duration.ofMinutes(2));
    for (BronzeStream s : BronzeStream.values()) {
      byStream.put(s.streamName(), counts.get(topics.topic(s)));
    }
    return byStream;
  }
}
