package io.olistlakehouse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.process.Ports;
import io.olistlakehouse.platform.superset.SupersetServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Superset for a test: a node of the shared platform that runs only the process {@code superset}, with its own port
 * and work directory (so its own metadata database and secrets), and a client of its REST API logged in as a user.
 */
public final class TestSuperset {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final LakehouseConfig config;
  private final String token;

  private TestSuperset(LakehouseConfig config, String token) {
    this.config = config;
    this.token = token;
  }

  /** A Superset node named {@code name} over {@code base} (the Thrift server its database points at) plus extra. */
  public static Platform node(TestPlatform fixture, LakehouseConfig base, String name, Map<String, String> extra) {
    Map<String, String> o = new LinkedHashMap<>(extra);
    o.put("work.dir", fixture.config().getPath("work.dir").resolve("superset-" + name).toString());
    o.put("platform.processes", Platform.SUPERSET);
    o.put("superset.port", Integer.toString(Ports.ephemeral()));
    return new Platform(base.withOverrides(o));
  }

  /** The HTTP status of a login through the REST API (200 when the credentials are accepted). */
  public static HttpResponse<String> login(LakehouseConfig config, String user, String password) throws Exception {
    String body = JSON.writeValueAsString(Map.of("username", user, "password", password, "provider", "db"));
    return HTTP.send(HttpRequest.newBuilder(URI.create(SupersetServer.url(config) + "/api/v1/security/login"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A client logged in as {@code user}. */
  public static TestSuperset api(LakehouseConfig config, String user, String password) throws Exception {
    HttpResponse<String> r = login(config, user, password);
    assertEquals(200, r.statusCode(), r.body());
    return new TestSuperset(config, JSON.readTree(r.body()).get("access_token").asText());
  }

  public JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET(), path);
  }

  public JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), path);
  }

  private URI uri(String path) {
    return URI.create(SupersetServer.url(config) + path);
  }

  private JsonNode send(HttpRequest.Builder request, String path) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(request.header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return JSON.readTree(r.body());
  }
}
