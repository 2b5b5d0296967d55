package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

  private static final Path HOME = Path.of(".").toAbsolutePath().normalize();

  private static LakehouseConfig config(Map<String, String> env) {
    return LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"), env, HOME);
  }

  @Test
  void defaultsComeFromTheOneConfiguration() {
    IngestSettings s = IngestSettings.from(config(Map.of()));
    assertEquals("bronze", s.stream().namespace());
    assertEquals("", s.topics().prefix());
    assertEquals(HOME.resolve("var/checkpoints/bronze_ingest"), s.stream().checkpointDir());
    assertEquals("read_committed", s.stream().kafkaOptions().get("kafka.isolation.level"));
    assertTrue(s.stream().maxOffsetsPerTrigger() > 0);
  }

  @Test
  void environmentOverridesReachTheJob() {
    IngestSettings s = IngestSettings.from(config(Map.of(
        "LAKEHOUSE_REPLAY_TOPIC_PREFIX", "bench-7.",
        "LAKEHOUSE_INGEST_MAX_OFFSETS_PER_TRIGGER", "1234",
        "LAKEHOUSE_INGEST_TRIGGER_INTERVAL_MS", "3000",
        "LAKEHOUSE_WORK_DIR", "/tmp/elsewhere")));
    assertEquals("bench-7.", s.topics().prefix(), "the ingest follows the replayer's prefix");
    assertEquals(1234, s.stream().maxOffsetsPerTrigger());
    assertEquals(Duration.ofSeconds(3), s.stream().triggerInterval());
    assertEquals(Path.of("/tmp/elsewhere/checkpoints/bronze_ingest"), s.stream().checkpointDir());
  }

  @Test
  void nonsenseIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IngestSettings.from(
        config(Map.of("LAKEHOUSE_INGEST_WRITE_PARALLELISM", "0"))));
    assertTrue(e.getMessage().contains("ingest.write.parallelism"), e.getMessage());
  }
}
