package io.olistlakehouse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.monitoring.MonitoringServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.olistlakehouse.testing.TestWebhookReceiver.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Prometheus, Alertmanager and the Pushgateway on the shared test platform, as {@code up --with monitoring} starts
 * them, with both chat webhooks pointing at a {@link TestWebhookReceiver} of this JVM (Discord's at /discord, Slack's
 * at /slack). Set up once per test JVM; stopped with the platform.
 */
public final class TestMonitoring {

  public static final String DISCORD = "/discord";
  public static final String SLACK = "/slack";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestMonitoring shared;

  private final TestPlatform fixture;
  private final Platform monitored;
  private final LakehouseConfig config;
  private final TestWebhookReceiver chat;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestMonitoring(TestPlatform fixture) {
    this.fixture = fixture;
    this.chat = new TestWebhookReceiver();
    Map<String, String> overrides = new HashMap<>();
    overrides.put("platform.processes",
        String.join(",", fixture.config().getList("platform.processes")) + "," + MonitoringServer.NAME);
    overrides.put("alert.discord.webhook.url", chat.url(DISCORD));
    overrides.put("alert.slack.webhook.url", chat.url(SLACK));
    this.monitored = new Platform(fixture.config().withOverrides(overrides));
    this.config = monitored.config();
  }

  /** Brought up on every call: a test in between may have stopped the platform ({@code down}) and started it again. */
  public static synchronized TestMonitoring shared() {
    if (shared == null) {
      shared = new TestMonitoring(TestPlatform.shared());
    }
    shared.monitored.up();
    return shared;
  }

  public TestPlatform fixture() {
    return fixture;
  }

  public LakehouseConfig config() {
    return config;
  }

  public TestWebhookReceiver chat() {
    return chat;
  }

  /** An instant query's result vector (data.result): one element per series. */
  public JsonNode query(String promql) {
    String url = MonitoringServer.prometheusUrl(config) + "/api/v1/query?query="
        + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    return get(url).path("data").path("result");
  }

  /**
   * Waits until an instant query's result satisfies {@code done}; returns the seconds that took, or fails with the
   * last result after {@code limit}.
   */
  public double awaitQuery(String promql, Predicate<JsonNode> done, Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    JsonNode last = query(promql);
    while (!done.test(last)) {
      if (System.nanoTime() - start > limit.toNanos()) {
        throw new AssertionError(promql + " did not come true within " + limit + "; last result: " + last);
      }
      Thread.sleep(250);
      last = query(promql);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** A result of one series whose value is {@code expected}. */
  public static Predicate<JsonNode> singleValue(double expected) {
    return result -> result.size() == 1 && Double.parseDouble(result.path(0).path("value").path(1).asText())
        == expected;
  }

  /** A result with at least one series whose value is a number (not NaN: a quantile of nothing observed). */
  public static boolean anyFiniteValue(JsonNode result) {
    for (JsonNode series : result) {
      if (Double.isFinite(Double.parseDouble(series.path("value").path(1).asText()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first chat message to {@code path} (DISCORD or SLACK) received after {@code sinceNanos} (System.nanoTime)
   * whose title starts so, within {@code limit}. Earlier tests of the JVM may have raised the same alert.
   */
  public Message awaitChat(String path, String titlePrefix, long sinceNanos, Duration limit)
      throws InterruptedException {
    return chat.await(m -> m.receivedNanos() >= sinceNanos && m.path().equals(path)
        && title(m).startsWith(titlePrefix), limit)
        .orElseThrow(() -> new AssertionError("no message '" + titlePrefix + "' at " + path + " within " + limit
            + "; received: " + chat.messages()));
  }

  /** The title of a Discord (embeds) or Slack (attachments) message. */
  public static String title(Message m) {
    JsonNode discord = m.body().path("embeds").path(0).path("title");
    return discord.isMissingNode() ? m.body().path("attachments").path(0).path("title").asText() : discord.asText();
  }

  /** The text of a Discord (embeds) or Slack (attachments) message. */
  public static String text(Message m) {
    JsonNode discord = m.body().path("embeds").path(0).path("description");
    return discord.isMissingNode() ? m.body().path("attachments").path(0).path("text").asText() : discord.asText();
  }

  /** A Prometheus or Alertmanager API answer as JSON; fails on any status but 200. */
  public JsonNode get(String url) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
