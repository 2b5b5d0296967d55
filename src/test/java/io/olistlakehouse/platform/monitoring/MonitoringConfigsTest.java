package io.olistlakehouse.platform.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringConfigsTest {

  private static LakehouseConfig config(Map<String, String> overrides) {
    Path home = Path.of(System.getProperty(LakehouseConfig.HOME_PROPERTY, ".")).toAbsolutePath().normalize();
    return LakehouseConfig.load(home.resolve("configs/lakehouse.properties"), Map.of(), home)
        .withOverrides(overrides);
  }

  @Test
  void oneScrapeTargetPerKafkaNodeLabelledWithItsProcessName() {
    String targets = MonitoringConfigs.kafkaTargets(config(Map.of("kafka.node.2.host", "stream-2.internal")));

    assertEquals(3, targets.lines().filter(l -> l.contains("targets:")).count());
    assertTrue(targets.contains("[\"stream-2.internal:9202\"]"), targets);
    assertTrue(targets.contains("labels: {component: kafka-3}"), targets);
  }

  @Test
  void noWebhookSetLeavesTheReceiverEmpty() {
    assertEquals("", MonitoringConfigs.receiverConfigs(config(Map.of())));
  }

  @Test
  void eachWebhookSetGetsItsReceiverWithResolvedMessagesAndTheUrlQuoted() {
    String discordOnly = MonitoringConfigs.receiverConfigs(config(Map.of(
        "alert.discord.webhook.url", "https://discord.example/api/webhooks/1/a\"b")));
    assertTrue(discordOnly.contains("discord_configs:"), discordOnly);
    assertTrue(discordOnly.contains("webhook_url: \"https://discord.example/api/webhooks/1/a\\\"b\""), discordOnly);
    assertTrue(discordOnly.contains("send_resolved: true"), discordOnly);
    assertFalse(discordOnly.contains("slack_configs"), discordOnly);

    String both = MonitoringConfigs.receiverConfigs(config(Map.of("alert.discord.webhook.url",
        "https://discord.example/x", "alert.slack.webhook.url", "https://slack.example/y")));
    assertTrue(both.contains("slack_configs:") && both.contains("api_url: \"https://slack.example/y\""), both);
    assertTrue(both.contains("text: '{{ template \"lakehouse.message\" . }}'"), both);
  }
}
