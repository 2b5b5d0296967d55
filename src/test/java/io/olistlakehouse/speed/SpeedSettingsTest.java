package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.olistlakehouse.config.LakehouseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeedSettingsTest {

  private static final Path HOME = Path.of(".").toAbsolutePath().normalize();

  private static LakehouseConfig config(Map<String, String> env) {
    return LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"), env, HOME);
  }

  @Test
  void defaultsComeFromTheOneConfiguration() {
    SpeedSettings s = SpeedSettings.from(config(Map.of()));
    assertEquals("speed", s.stream().namespace());
    assertEquals(HOME.resolve("var/checkpoints/speed"), s.stream().checkpointDir());
    assertEquals(List.of("order_status", "order_item", "estimated_delivery_date", "payment"),
        SpeedEventFrames.topics(s));
    assertEquals(Duration.ofMinutes(1), s.kpiWindow());
    assertEquals("read_committed", s.stream().kafkaOptions().get("kafka.isolation.level"));
  }

  @Test
  void theReplayersPrefixAndOverridesReachTheJob() {
    SpeedSettings s = SpeedSettings.from(config(Map.of(
        "LAKEHOUSE_REPLAY_TOPIC_PREFIX", "bench-7.",
        "LAKEHOUSE_SPEED_ALLOWED_LATENESS_SECONDS", "120",
        "LAKEHOUSE_SPEED_WATERMARK_DELAY_SECONDS", "5")));
    assertEquals("bench-7.order_status", SpeedEventFrames.topics(s).get(0));
    assertEquals(Duration.ofSeconds(120), s.allowedLateness());
    assertEquals(Duration.ofSeconds(5), s.watermarkDelay());
    assertEquals(120_000, s.tracker().windows().allowedLatenessMs());
  }

  @Test
  void negativeLatenessIsRefusedWithTheKeyNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpeedSettings.from(config(
        Map.of("LAKEHOUSE_SPEED_ALLOWED_LATENESS_SECONDS", "-1"))));
    assertEquals(true, e.getMessage().contains("speed.allowed.lateness.seconds"));
  }
}
