package io.olistlakehouse.platform.monitoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.platform.kafka.KafkaCluster;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestMonitoring;
import io.olistlakehouse.testing.TestWebhookReceiver.Message;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Kafka node is killed while a paced replay writes: Prometheus sees it gone, the broker-down alert reaches the chat
 * webhooks (Discord's and Slack's formats) naming the node and the value, and a resolved message follows once the
 * node is back. The latencies are printed, not asserted: the 2-minute bound is the wait's limit.
 */
class BrokerDownAlertIT {

  private static final String VICTIM = KafkaCluster.processName("2");
  private static final Duration ALERT_LIMIT = Duration.ofMinutes(2);

  @Test
  void aKilledBrokerIsReportedToTheChatAndResolvedWhenItReturns() throws Exception {
    TestMonitoring monitoring = TestMonitoring.shared();
    monitoring.awaitQuery("count(up{job=\"kafka\"} == 1)", TestMonitoring.singleValue(3), Duration.ofMinutes(1));
    String prefix = "it-alert-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    TestLauncher.Running replay = TestLauncher.start(monitoring.fixture(),
        Map.of("LAKEHOUSE_REPLAY_TOPIC_PREFIX", prefix, "LAKEHOUSE_REPLAY_PROGRESS_INTERVAL_MS", "1000"),
        "replay", "--synthetic", "--orders", "50000", "--seed", "11", "--rate", "300");
    try {
      awaitReplayProgress(replay);

      long killed = System.nanoTime();
      monitoring.fixture().platform().supervisor().kill(VICTIM);
      double scrapeSeconds = monitoring.awaitQuery("up{component=\"" + VICTIM + "\"}", TestMonitoring.singleValue(0),
          ALERT_LIMIT);
      Message firing = monitoring.awaitChat(TestMonitoring.DISCORD, "[FIRING] KafkaBrokerDown on " + VICTIM, killed,
          ALERT_LIMIT);
      String text = TestMonitoring.text(firing);
      assertTrue(text.contains("component " + VICTIM) && text.contains("value 0"),
          "the message names the component and the value: " + text);
      Message slack = monitoring.awaitChat(TestMonitoring.SLACK, "[FIRING] KafkaBrokerDown on " + VICTIM, killed,
          ALERT_LIMIT);
      assertTrue(TestMonitoring.text(slack).contains("component " + VICTIM),
          "Slack's message names the component: " + slack.body());
      assertTrue(replay.alive(), "the paced replay goes on with one node down: " + replay.stderr());

      long restarted = System.nanoTime();
      monitoring.fixture().platform().up();
      Message resolved = monitoring.awaitChat(TestMonitoring.DISCORD, "[RESOLVED] KafkaBrokerDown on " + VICTIM,
          restarted, ALERT_LIMIT);
      assertTrue(TestMonitoring.text(resolved).contains("RESOLVED"), "the resolved message says so: "
          + resolved.body());
      assertTrue(replay.alive(), "the paced replay is still running: " + replay.stderr());

      System.out.printf("broker-down alert: scrape saw the node gone after %.1f s, Discord message %.1f s after "
              + "the kill, resolved message %.1f s after the restart began%n", scrapeSeconds,
          (firing.receivedNanos() - killed) / 1e9, (resolved.receivedNanos() - restarted) / 1e9);
    } finally {
      replay.terminate();
      replay.await(Duration.ofMinutes(1));
    }
  }

  private static void awaitReplayProgress(TestLauncher.Running replay) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!replay.stderr().contains("replay: ")) {
      assertTrue(replay.alive(), "the replay ended early: " + replay.stderr());
      assertTrue(System.nanoTime() < deadline, "the replay made no progress: " + replay.stderr());
      Thread.sleep(200);
    }
  }
}
