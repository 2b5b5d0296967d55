package io.olistlakehouse.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of any Confluent-compatible schema registry (Avro schemas). Ids and schemas are immutable in a registry,
 * so id to schema and (subject, schema) to id are cached forever; "latest" answers are never cached.
 */
public class SchemaRegistryClient {

  /** A subject version as the registry reports it. */
  public record RegisteredSchema(String subject, int version, int id, Schema schema) {
  }

  /** Result of a compatibility test, with the registry's explanations. */
  public record CompatibilityCheck(boolean compatible, List<String> messages) {
  }

  /** The serde configuration key naming the registry, as in Confluent's serde classes. */
  public static final String URL_CONFIG = "schema.registry.url";

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  /** "Basic ..." from the URL's user info (Confluent's basic.auth.credentials.source=URL), or null. */
  private final String authorization;
  private final HttpClient http;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

  /** {@code baseUrl} may carry {@code user:password@} (percent-encoded), sent as HTTP basic authentication. */
  public SchemaRegistryClient(String baseUrl) {
    URI uri = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    String userInfo = uri.getUserInfo();
    this.authorization = userInfo == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    this.baseUrl = userInfo == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every plain-http request.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  }

  /** The registry of the project configuration ({@code registry.url}, {@code registry.user}). */
  public static SchemaRegistryClient fromConfig(LakehouseConfig config) {
    return new SchemaRegistryClient(clientUrl(config));
  }

  /**
   * {@code registry.url}, with {@code registry.user} and its password as the URL's user info when a user is set:
   * one string that carries the credentials to wherever a client is built (Spark's executors, Kafka serde configs).
   * Never print it; {@link #baseUrl()} is the same without them.
   */
  public static String clientUrl(LakehouseConfig config) {
    String url = config.get("registry.url");
    String user = config.get("registry.user", "");
    if (user.isEmpty()) {
      return url;
    }
    URI uri = URI.create(url);
    String userInfo = encodeUserInfo(user) + ":" + encodeUserInfo(config.get("registry.password"));
    return uri.getScheme() + "://" + userInfo + "@" + uri.getRawAuthority() + uri.getRawPath();
  }

  private static String encodeUserInfo(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Registers {@code schema} under {@code subject} (a no-op returning the id if already there). */
  public int register(String subject, Schema schema) {
    Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = answer.path("id").asInt();
    remember(subject, schema, id);
    return id;
  }

  /** The registration of exactly this schema under {@code subject}; 404 (40401/40403) if there is none. */
  public RegisteredSchema lookup(String subject, Schema schema) {
    JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
    RegisteredSchema registered = registered(answer);
    remember(subject, schema, registered.id());
    return registered;
  }

  /** The schema with a global id; 40403 if unknown. */
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    Schema schema = parse(send("GET", "/schemas/ids/" + id, null).path("schema").asText());
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous != null ? previous : schema;
  }

  public RegisteredSchema latest(String subject) {
    return registered(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
  }

  public RegisteredSchema version(String subject, int version) {
    return registered(send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null));
  }

  public List<String> subjects() {
    List<String> out = new ArrayList<>();
    send("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
    return out;
  }

  public List<Integer> versions(String subject) {
    List<Integer> out = new ArrayList<>();
    send("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(n -> out.add(n.asInt()));
    return out;
  }

  /** Would registering {@code schema} under {@code subject} pass its compatibility level? */
  public CompatibilityCheck testCompatibility(String subject, Schema schema) {
    JsonNode answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions?verbose=true",
        schemaBody(schema));
    List<String> messages = new ArrayList<>();
    answer.path("messages").forEach(n -> messages.add(n.asText()));
    return new CompatibilityCheck(answer.path("is_compatible").asBoolean(), messages);
  }

  /** The level of {@code subject} (falling back to the global one), or the global level when it is null. */
  public String compatibility(String subject) {
    String path = subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true";
    return send("GET", path, null).path("compatibilityLevel").asText();
  }

  /** Sets the level of {@code subject}, or the global level when it is null. */
  public String setCompatibility(String subject, String level) {
    String path = subject == null ? "/config" : "/config/" + encode(subject);
    ObjectNode body = mapper.createObjectNode().put("compatibility", level);
    return send("PUT", path, body).path("compatibility").asText();
  }

  private void remember(String subject, Schema schema, int id) {
    idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
    schemasById.putIfAbsent(id, schema);
  }

  private RegisteredSchema registered(JsonNode n) {
    return new RegisteredSchema(n.path("subject").asText(), n.path("version").asInt(), n.path("id").asInt(),
        parse(n.path("schema").asText()));
  }

  private ObjectNode schemaBody(Schema schema) {
    return mapper.createObjectNode().put("schema", schema.toString()).put("schemaType", "AVRO");
  }

  private JsonNode send(String method, String path, JsonNode body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
        .header("Accept", CONTENT_TYPE + ", application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      if (body != null) {
        request.header("Content-Type", CONTENT_TYPE)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode json = parseJson(response.body());
      if (response.statusCode() / 100 != 2) {
        throw new SchemaRegistryException(response.statusCode(), json.path("error_code").asInt(-1),
            json.path("message").asText(failure(response)));
      }
      return json;
    } catch (IOException e) {
      throw new SchemaRegistryException("cannot reach the schema registry at " + baseUrl + " (" + method + " " + path
          + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted while calling the schema registry at " + baseUrl, e);
    }
  }

  private static String failure(HttpResponse<byte[]> response) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (!body.isBlank()) {
      return body;
    }
    return response.statusCode() == 401 ? "HTTP 401: the registry wants credentials (registry.user and "
        + "LAKEHOUSE_REGISTRY_PASSWORD), and these were missing or wrong" : "HTTP " + response.statusCode();
  }

  private JsonNode parseJson(byte[] body) {
    try {
      return body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
    } catch (IOException e) {
      return mapper.createObjectNode(); // not JSON (e.g. a proxy's error page): the status still tells
    }
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  /** Subject names go into the path percent-encoded ('/' included), as the Confluent clients do. */
  static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
