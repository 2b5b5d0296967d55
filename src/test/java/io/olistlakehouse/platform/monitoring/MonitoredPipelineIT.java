package io.olistlakehouse.platform.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.bronze.IsolatedIngest;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.testing.TestEventProducer;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestMonitoring;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestWebhookReceiver.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline under monitoring: a paced replay feeds a running ingest and speed job, which serve their metrics to
 * Prometheus, and batch runs push theirs to the Pushgateway.
 * <ul>
 *   <li>1,000 corrupt records injected raise the dead-letter alert in the chat, with their count and reason;
 *   <li>a batch run that fails raises the failed-batch alert;
 *   <li>every panel of the Grafana dashboards under infra/grafana/dashboards returns data from this running stack
 *       (Grafana itself cannot be installed here, so its queries run against Prometheus directly).
 * </ul>
 */
class MonitoredPipelineIT {

  private static final int CORRUPT = 1_000;
  private static final Duration LIMIT = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void alertsReachTheChatAndEveryDashboardPanelHasData() throws Exception {
    TestMonitoring monitoring = TestMonitoring.shared();
    TestPlatform fixture = monitoring.fixture();
    IsolatedIngest ingest = IsolatedIngest.create(fixture, "monitoring");
    String prefix = ingest.config().get("ingest.topic.prefix");
    String speedNamespace = "it_speed_" + ingest.name();
    Map<String, String> env = ingest.env(Map.of("ingest.trigger.interval.ms", "2000",
        "replay.topic.prefix", prefix, "speed.topic.prefix", prefix, "speed.namespace", speedNamespace,
        "speed.checkpoint.dir", fixture.config().getPath("work.dir").resolve("checkpoints/" + speedNamespace)
            .toString(),
        "batch.bronze.namespace", ingest.settings().stream().namespace(),
        "batch.silver.namespace", "it_" + ingest.name() + "_silver",
        "batch.gold.namespace", "it_" + ingest.name() + "_gold"));
    List<TestLauncher.Running> processes = new ArrayList<>();
    try {
      processes.add(TestLauncher.start(fixture, env, "replay", "--synthetic", "--orders", "20000", "--seed", "5",
          "--rate", "300"));
      processes.add(TestLauncher.start(fixture, env, "ingest"));
      processes.add(TestLauncher.start(fixture, env, "speed"));
      for (String job : List.of("bronze_ingest", "speed")) {
        monitoring.awaitQuery("lakehouse_stream_last_commit_timestamp_seconds{component=\"" + job + "\"} > 0",
            result -> result.size() == 1, LIMIT);
      }

      double spikeSeconds = deadLetterSpike(monitoring, ingest);
      double batchSeconds = failedBatch(monitoring, fixture, env);

      List<String> queries = panelQueries(fixture.config().home().resolve("infra/grafana/dashboards"));
      assertTrue(queries.size() >= 25, "the dashboards' queries: " + queries);
      for (String query : queries) {
        monitoring.awaitQuery(query, TestMonitoring::anyFiniteValue, Duration.ofMinutes(2));
      }
      for (TestLauncher.Running p : processes) {
        assertTrue(p.alive(), "still running: " + p.stderr());
      }
      System.out.printf("monitored pipeline: dead-letter alert %.1f s after the %,d corrupt records were sent, "
          + "failed-batch alert %.1f s after the run ended; %d dashboard queries returned data%n", spikeSeconds,
          CORRUPT, batchSeconds, queries.size());
    } finally {
      processes.forEach(TestLauncher.Running::terminate);
      processes.forEach(p -> p.await(Duration.ofMinutes(2)));
    }
  }

  /** Injects the corrupt records; returns the seconds until the chat heard of them. */
  private static double deadLetterSpike(TestMonitoring monitoring, IsolatedIngest ingest) throws Exception {
    long injected = System.nanoTime();
    try (TestEventProducer producer = new TestEventProducer(ingest.config(), ingest.topics())) {
      String topic = ingest.topics().topic(BronzeStream.PAYMENT);
      for (int i = 0; i < CORRUPT; i++) {
        producer.send(topic, ("corrupt-" + i).getBytes(), new byte[] {7, 7, 7, 7, 7, 7}, Instant.now());
      }
      producer.flush();
    }
    Message spike = monitoring.awaitChat(TestMonitoring.DISCORD, "[FIRING] DeadLetterSpike on bronze_ingest",
        injected, LIMIT);
    String text = TestMonitoring.text(spike);
    assertTrue(text.contains("reason NOT_WIRE_FORMAT") && text.contains("value " + CORRUPT),
        "the message names the reason and the count: " + text);
    monitoring.awaitQuery("lakehouse_stream_dead_letters_total{component=\"bronze_ingest\", "
        + "reason=\"NOT_WIRE_FORMAT\"}", TestMonitoring.singleValue(CORRUPT), LIMIT);
    return (spike.receivedNanos() - injected) / 1e9;
  }

  /**
   * A batch run over what ingest landed pushes every job's figures; then a run of one job over a bronze namespace
   * that does not exist fails and is reported. Returns the seconds from that run's end to the chat message.
   */
  private static double failedBatch(TestMonitoring monitoring, TestPlatform fixture, Map<String, String> env)
      throws Exception {
    TestLauncher.Result run = TestLauncher.run(fixture, env, "batch");
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(!run.stdout().contains("metrics not pushed"), run.stdout());
    monitoring.awaitQuery("count(lakehouse_batch_failed == 0)", result -> result.size() == 1
        && Double.parseDouble(result.path(0).path("value").path(1).asText()) >= 10, LIMIT);

    Map<String, String> broken = new HashMap<>(env);
    broken.put("LAKEHOUSE_BATCH_BRONZE_NAMESPACE", "it_no_such_bronze");
    TestLauncher.Result failed = TestLauncher.run(fixture, broken, "batch", "--only", "silver.product");
    assertNotEquals(0, failed.exitCode(), "a batch job without its source fails: " + failed.stdout());
    long ended = System.nanoTime();
    Message alert = monitoring.awaitChat(TestMonitoring.DISCORD, "[FIRING] BatchJobFailed on batch", ended, LIMIT);
    assertTrue(TestMonitoring.text(alert).contains("batch job silver.product failed"), TestMonitoring.text(alert));
    return (alert.receivedNanos() - ended) / 1e9;
  }

  /** Every target expression of every panel of every dashboard in {@code dir}. */
  static List<String> panelQueries(Path dir) throws Exception {
    List<String> queries = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode panel : JSON.readTree(file.toFile()).path("panels")) {
          panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
        }
      }
    }
    return queries;
  }
}
