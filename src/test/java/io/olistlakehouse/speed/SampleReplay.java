package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestOlistSample;
import io.olistlakehouse.testing.TestPlatform;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The Olist sample replayed once with the real {@code bin/lakehouse replay --max} into topics of its own, and the
 * speed settings of a run over them (its own namespace and checkpoint).
 */
record SampleReplay(TestPlatform fixture, String prefix) {

  static SampleReplay replay(TestPlatform fixture) {
    String prefix = "it-speed-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    TestLauncher.Result r = TestLauncher.run(fixture,
        Map.of(LakehouseConfig.envName("replay.topic.prefix"), prefix),
        "replay", "--olist-dir", TestOlistSample.dir().toString(), "--max");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().contains("rejected source rows: 0"), r.stdout());
    return new SampleReplay(fixture, prefix);
  }

  /**
   * Overrides for a speed run over the replayed topics into {@code namespace}. A watermark delay of an hour and 30
   * days of allowed lateness: the sample has events whose source time precedes their order's purchase, and Kafka's
   * per-partition batches cover different stretches of event time, so tighter values would (correctly) send real
   * events to late_events and the comparison with the CSVs would no longer be of every event.
   */
  Map<String, String> speed(String namespace, long maxOffsetsPerTrigger) {
    Map<String, String> s = new HashMap<>();
    s.put("speed.topic.prefix", prefix);
    s.put("speed.namespace", namespace);
    s.put("speed.checkpoint.dir", fixture.config().getPath("work.dir").resolve("checkpoints/" + namespace)
        .toString());
    s.put("speed.max.offsets.per.trigger", Long.toString(maxOffsetsPerTrigger));
    s.put("speed.watermark.delay.seconds", "3600");
    s.put("speed.allowed.lateness.seconds", Long.toString(30L * 24 * 3600));
    return s;
  }

  /** The same overrides as LAKEHOUSE_* environment variables, for a real bin/lakehouse process. */
  Map<String, String> speedEnv(String namespace, long maxOffsetsPerTrigger) {
    Map<String, String> env = new HashMap<>();
    speed(namespace, maxOffsetsPerTrigger).forEach((k, v) -> env.put(LakehouseConfig.envName(k), v));
    return env;
  }
}
