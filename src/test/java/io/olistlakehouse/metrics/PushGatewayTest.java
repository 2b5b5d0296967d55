package io.olistlakehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push as a Pushgateway receives it, from a loopback HTTP server standing in for one. */
class PushGatewayTest {

  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private int status = 200;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "\n"
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private static PrometheusRegistry failedOnce() {
    PrometheusRegistry registry = new PrometheusRegistry();
    Gauge.builder().name("lakehouse_batch_failed").help("1 when the last run failed").register(registry).set(1);
    return registry;
  }

  @Test
  void postsTheExpositionTextIntoTheGroupOfTheJobAndItsLabels() {
    Optional<String> problem = new PushGateway(url()).push(failedOnce(), "lakehouse_batch",
        Map.of("table", "silver.order event"));

    assertEquals(Optional.empty(), problem);
    assertEquals(1, requests.size());
    String request = requests.get(0);
    assertTrue(request.startsWith("POST /metrics/job/lakehouse_batch/table/silver.order%20event\n"), request);
    assertTrue(request.contains("lakehouse_batch_failed 1"), request);
  }

  @Test
  void aRefusedOrUnreachablePushIsReportedNotThrown() {
    status = 500;
    Optional<String> refused = new PushGateway(url()).push(failedOnce(), "lakehouse_batch", Map.of());
    assertTrue(refused.orElseThrow().contains("answered 500"), refused.toString());

    int port = server.getAddress().getPort();
    server.stop(0);
    Optional<String> unreachable = new PushGateway("http://127.0.0.1:" + port).push(failedOnce(), "lakehouse_batch",
        Map.of());
    assertTrue(unreachable.orElseThrow().contains("cannot reach"), unreachable.toString());
  }

  @Test
  void anEmptyUrlPushesNothing() {
    assertEquals(Optional.empty(), new PushGateway("").push(failedOnce(), "lakehouse_batch", Map.of()));
    assertEquals(List.of(), requests);
  }
}
