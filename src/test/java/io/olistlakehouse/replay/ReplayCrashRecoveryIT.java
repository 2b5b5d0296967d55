package io.olistlakehouse.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.platform.kafka.CommittedRecords;
import io.olistlakehouse.platform.kafka.KafkaClients;
import io.olistlakehouse.platform.kafka.KafkaClients.Role;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestPlatform;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a real {@code bin/lakehouse replay} at three random points of a --max synthetic replay, resuming each
 * time: read_committed, the topics hold exactly what an uninterrupted run writes, each event once, in the same
 * order per key.
 */
class ReplayCrashRecoveryIT {

  private static final String ORDERS = "30000";
  private static final Pattern PROGRESS = Pattern.compile("replay: ([0-9,]+) events");

  private final TestPlatform fixture = TestPlatform.shared();

  private Map<String, String> env(String prefix) {
    // Small transactions and frequent progress lines: more commit boundaries to land a kill near.
    return Map.of("LAKEHOUSE_REPLAY_TOPIC_PREFIX", prefix, "LAKEHOUSE_REPLAY_TRANSACTION_MAX_EVENTS", "10000",
        "LAKEHOUSE_REPLAY_PROGRESS_INTERVAL_MS", "100");
  }

  private static String[] replayArgs() {
    return new String[] {"replay", "--synthetic", "--orders", ORDERS, "--seed", "7", "--max"};
  }

  @Test
  void killedThreeTimesAndResumedItEqualsAnUninterruptedReplay() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String reference = "it-crash-ref-" + run + "-";
    String crashed = "it-crash-" + run + "-";

    TestLauncher.Result whole = TestLauncher.run(fixture, env(reference), replayArgs());
    assertEquals(0, whole.exitCode(), whole.stderr());
    Map<String, List<String>> expected = recordsPerKey(reference);
    long total = expected.values().stream().mapToLong(List::size).sum();
    assertTrue(total >= 200_000, "a replay of at least 200k events, got " + total);

    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Long> killPoints = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      // One point in each third of the stream, so every resumed run has work left to be killed in.
      killPoints.add((long) (total * (i + 0.1 + 0.6 * random.nextDouble()) / 3));
    }
    long lastResume = 0;
    for (int i = 0; i < killPoints.size(); i++) {
      TestLauncher.Running replay = TestLauncher.start(fixture, env(crashed), replayArgs());
      awaitProgress(replay, killPoints.get(i), seed);
      Thread.sleep(random.nextInt(150));
      assertTrue(replay.alive(), "the replay ended before kill point " + killPoints.get(i) + " (seed " + seed + ")");
      replay.kill9();
      long resume = i == 0 ? 0 : resumedAt(replay.stderr());
      System.out.printf("kill %d after event %d; that run had resumed at %d%n", i + 1, killPoints.get(i), resume);
      assertTrue(i == 0 || resume > lastResume, "each run resumes after the previous one's commits");
      lastResume = resume;
    }
    TestLauncher.Result resumed = TestLauncher.run(fixture, env(crashed), replayArgs());
    assertEquals(0, resumed.exitCode(), resumed.stderr());
    assertTrue(resumedAt(resumed.stderr()) > lastResume, resumed.stderr());
    assertTrue(resumed.stdout().contains("resumed after"), resumed.stdout());

    Map<String, List<String>> actual = recordsPerKey(crashed);
    assertEquals(countsPerStream(expected), countsPerStream(actual), "per-topic counts (kill seed " + seed + ")");
    assertEquals(total, actual.values().stream().flatMap(List::stream).distinct().count(), "no event twice");
    assertEquals(expected, actual, "same records in the same order per key (kill seed " + seed + ")");

    TestLauncher.Result again = TestLauncher.run(fixture, env(crashed), replayArgs());
    assertTrue(again.stdout().contains("already completed"), again.stdout());
    assertEquals(countsPerStream(expected), countsPerStream(recordsPerKey(crashed)), "nothing published again");
  }

  private static void awaitProgress(TestLauncher.Running replay, long events, long seed) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      Matcher m = PROGRESS.matcher(replay.stderr());
      long reached = 0;
      while (m.find()) {
        reached = Long.parseLong(m.group(1).replace(",", ""));
      }
      if (reached >= events) {
        return;
      }
      assertTrue(replay.alive(), "the replay ended before event " + events + " (seed " + seed + "): "
          + replay.stderr());
      assertTrue(System.nanoTime() < deadline, "no progress to event " + events + ": " + replay.stderr());
      Thread.sleep(20);
    }
  }

  private static long resumedAt(String stderr) {
    Matcher m = Pattern.compile("resuming after ([0-9,]+) events").matcher(stderr);
    assertTrue(m.find(), "the run did not resume: " + stderr);
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  /** (stream, key) -> digests of the values in partition order, read_committed. */
  private Map<String, List<String>> recordsPerKey(String prefix) {
    ReplayTopics topics = new ReplayTopics(prefix, "_replay_position");
    Map<String, List<String>> out = new HashMap<>();
    Properties admin = KafkaClients.properties(fixture.config(), Role.ADMIN);
    CommittedRecords.forEach(admin, topics.eventTopics(), Duration.ofMinutes(3), r -> {
      String stream = r.topic().substring(prefix.length());
      out.computeIfAbsent(stream + "|" + new String(r.key()), k -> new ArrayList<>()).add(digest(r.value()));
    });
    return out;
  }

  private static Map<String, Long> countsPerStream(Map<String, List<String>> records) {
    Map<String, Long> counts = new HashMap<>();
    for (BronzeStream s : BronzeStream.values()) {
      counts.put(s.streamName(), 0L);
    }
    records.forEach((k, v) -> counts.merge(k.substring(0, k.indexOf('|')), (long) v.size(), Long::sum));
    return counts;
  }

  private static String digest(byte[] value) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(value);
      return Long.toHexString(ByteBuffer.wrap(d).getLong()) + Long.toHexString(ByteBuffer.wrap(d, 8, 8).getLong());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
