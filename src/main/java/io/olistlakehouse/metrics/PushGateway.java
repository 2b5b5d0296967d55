package io.olistlakehouse.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hands the metrics of a short-lived job (a batch run) to Prometheus's Pushgateway, which keeps them for the scrape.
 * A POST replaces only the metrics of the same names in the group, so a failed run's push keeps the time of the last
 * success pushed before it. The exposition text is written by the Prometheus client library.
 */
public final class PushGateway {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** @param url the Pushgateway's base URL; empty: pushing is off */
  public PushGateway(String url) {
    this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * Pushes the registry's metrics into the group of {@code job} and {@code grouping}'s labels. Returns why it could
   * not, if it could not: metrics are an aid, a job does not fail for them.
   */
  public Optional<String> push(PrometheusRegistry registry, String job, Map<String, String> grouping) {
    if (url.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder path = new StringBuilder(url).append("/metrics/job/").append(encoded(job));
    new TreeMap<>(grouping).forEach((label, value) -> path.append('/').append(label).append('/')
        .append(encoded(value)));
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
      writer.write(body, registry.scrape());
      HttpRequest request = HttpRequest.newBuilder(URI.create(path.toString())).timeout(TIMEOUT)
          .header("Content-Type", writer.getContentType())
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() / 100 == 2 ? Optional.empty()
          : Optional.of(path + " answered " + response.statusCode() + ": " + response.body().strip());
    } catch (IOException e) {
      return Optional.of("cannot reach " + url + " (" + e + "); `bin/lakehouse up --with monitoring` starts one");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while pushing to " + url);
    }
  }

  private static String encoded(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
