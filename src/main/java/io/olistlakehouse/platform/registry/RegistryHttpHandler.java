package io.olistlakehouse.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confluent's REST API over {@link RegistryService}: routing, JSON in and out, and errors as
 * {@code {"error_code": .., "message": ..}}.
 */
final class RegistryHttpHandler implements HttpHandler {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final System.Logger LOG = System.getLogger(RegistryHttpHandler.class.getName());

  /** A response body that is already JSON text (the raw-schema endpoints). */
  private record RawJson(String json) {
  }

  private final RegistryService service;
  private final ObjectMapper mapper = new ObjectMapper();

  RegistryHttpHandler(RegistryService service) {
    this.service = service;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      int status = 200;
      Object body;
      try {
        body = route(RegistryRequest.of(exchange));
      } catch (RegistryException e) {
        status = e.status();
        body = error(e.errorCode(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "unexpected error serving " + exchange.getRequestURI(), e);
        status = 500;
        body = error(50001, "Internal error: " + e);
      }
      byte[] bytes = body instanceof RawJson raw
          ? raw.json().getBytes(StandardCharsets.UTF_8) : mapper.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private Object route(RegistryRequest r) {
    List<String> p = r.path();
    if (p.isEmpty()) {
      return r.is("GET", 0) ? mapper.createObjectNode() : notAllowed(r);
    }
    switch (p.get(0)) {
      case "subjects":
        return subjects(r);
      case "schemas":
        return schemas(r);
      case "config":
        return config(r);
      case "compatibility":
        return compatibility(r);
      case "mode":
        // Clients probe the mode; this registry is always writable.
        return r.method().equals("GET") && p.size() <= 2 ? Map.of("mode", "READWRITE") : notFound(r);
      default:
        return notFound(r);
    }
  }

  private Object subjects(RegistryRequest r) {
    List<String> p = r.path();
    boolean deleted = r.flag("deleted");
    if (p.size() == 1) {
      return r.is("GET", 1) ? service.subjects(deleted) : notAllowed(r);
    }
    String subject = p.get(1);
    if (p.size() == 2) {
      switch (r.method()) {
        case "POST":
          return entry(service.lookup(subject, schemaRequest(r), deleted));
        case "DELETE":
          requireSoftDelete(r);
          return service.deleteSubject(subject);
        default:
          return notAllowed(r);
      }
    }
    if (!p.get(2).equals("versions") || p.size() > 5) {
      return notFound(r);
    }
    if (p.size() == 3) {
      switch (r.method()) {
        case "GET":
          return service.versions(subject, deleted);
        case "POST":
          SchemaStore.Entry e = service.register(subject, schemaRequest(r));
          // No "schema" field: confluent-kafka caches the returned schema text under the id, and echoing our
          // canonical form instead of the client's own text would defeat its cache.
          return Map.of("id", e.id(), "subject", e.subject(), "version", e.version());
        default:
          return notAllowed(r);
      }
    }
    String version = p.get(3);
    if (p.size() == 4) {
      switch (r.method()) {
        case "GET":
          return entry(service.version(subject, version, deleted));
        case "DELETE":
          requireSoftDelete(r);
          return service.deleteVersion(subject, version);
        default:
          return notAllowed(r);
      }
    }
    if (p.get(4).equals("schema")) {
      return r.is("GET", 5) ? new RawJson(service.version(subject, version, deleted).canonical()) : notAllowed(r);
    }
    if (p.get(4).equals("referencedby")) {
      service.version(subject, version, deleted);
      return r.is("GET", 5) ? List.of() : notAllowed(r); // no references support, so never referenced
    }
    return notFound(r);
  }

  private Object schemas(RegistryRequest r) {
    List<String> p = r.path();
    if (p.size() == 2 && p.get(1).equals("types")) {
      return r.is("GET", 2) ? List.of("AVRO") : notAllowed(r);
    }
    if (p.size() < 3 || p.size() > 4 || !p.get(1).equals("ids")) {
      return notFound(r);
    }
    if (!r.method().equals("GET")) {
      return notAllowed(r);
    }
    int id = parseId(p.get(2));
    if (p.size() == 3) {
      // subject, format and reference_format may be present: Avro has one format and ids are global.
      return Map.of("schema", service.schemaById(id).toString());
    }
    boolean deleted = r.flag("deleted");
    switch (p.get(3)) {
      case "schema":
        return new RawJson(service.schemaById(id).toString());
      case "subjects":
        return service.usesOf(id, deleted).stream().map(SchemaStore.Entry::subject).distinct().toList();
      case "versions":
        return service.usesOf(id, deleted).stream()
            .map(e -> Map.of("subject", e.subject(), "version", e.version())).toList();
      default:
        return notFound(r);
    }
  }

  private Object config(RegistryRequest r) {
    List<String> p = r.path();
    if (p.size() > 2) {
      return notFound(r);
    }
    String subject = p.size() == 2 ? p.get(1) : null;
    switch (r.method()) {
      case "GET":
        if (subject == null) {
          return Map.of("compatibilityLevel", service.globalCompatibility().name());
        }
        CompatibilityLevel level = service.subjectCompatibility(subject)
            .or(() -> r.flag("defaultToGlobal") ? Optional.of(service.globalCompatibility()) : Optional.empty())
            .orElseThrow(() -> RegistryException.subjectConfigNotFound(subject));
        return Map.of("compatibilityLevel", level.name());
      case "PUT":
        JsonNode body = json(r);
        // Confluent documents "compatibility"; newer clients may send "compatibilityLevel".
        JsonNode value = body.hasNonNull("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        if (value == null || !value.isTextual()) {
          throw RegistryException.invalidCompatibility("the request needs a \"compatibility\" field");
        }
        return Map.of("compatibility", service.setCompatibility(subject, value.asText()).name());
      case "DELETE":
        if (subject == null) {
          return notAllowed(r);
        }
        return Map.of("compatibilityLevel", service.deleteCompatibility(subject).name());
      default:
        return notAllowed(r);
    }
  }

  private Object compatibility(RegistryRequest r) {
    List<String> p = r.path();
    if (p.size() < 4 || p.size() > 5 || !p.get(1).equals("subjects") || !p.get(3).equals("versions")) {
      return notFound(r);
    }
    if (!r.method().equals("POST")) {
      return notAllowed(r);
    }
    String version = p.size() == 5 ? p.get(4) : null;
    CompatibilityResult result = service.testCompatibility(p.get(2), version, schemaRequest(r));
    ObjectNode out = mapper.createObjectNode().put("is_compatible", result.compatible());
    if (r.flag("verbose")) {
      out.set("messages", mapper.valueToTree(result.messages()));
    }
    return out;
  }

  private ObjectNode entry(SchemaStore.Entry e) {
    return mapper.createObjectNode().put("subject", e.subject()).put("version", e.version()).put("id", e.id())
        .put("schema", e.canonical());
  }

  private RegistryService.SchemaRequest schemaRequest(RegistryRequest r) {
    JsonNode body = json(r);
    JsonNode schema = body.get("schema");
    // Be lenient with clients that send the schema as a JSON object instead of a string.
    String text = schema == null || schema.isNull() ? null : schema.isTextual() ? schema.asText() : schema.toString();
    JsonNode type = body.get("schemaType");
    JsonNode refs = body.get("references");
    return new RegistryService.SchemaRequest(text, type == null || type.isNull() ? null : type.asText(),
        refs != null && refs.isArray() && refs.size() > 0);
  }

  private JsonNode json(RegistryRequest r) {
    if (r.body().length == 0) {
      throw RegistryException.badRequest("the request needs a JSON body");
    }
    try {
      JsonNode node = mapper.readTree(r.body());
      if (node == null || !node.isObject()) {
        throw RegistryException.badRequest("the request body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw RegistryException.badRequest("malformed JSON request body: " + e.getMessage());
    }
  }

  private static void requireSoftDelete(RegistryRequest r) {
    if (r.flag("permanent")) {
      throw new RegistryException(422, 42206, "permanent (hard) delete is not supported by this registry; "
          + "soft delete keeps ids resolvable");
    }
  }

  private static int parseId(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw RegistryException.schemaNotFound("'" + text + "' is not a schema id");
    }
  }

  private Object notFound(RegistryRequest r) {
    throw new RegistryException(404, 404, "HTTP 404 Not Found: no endpoint " + r.method() + " /"
        + String.join("/", r.path()));
  }

  private Object notAllowed(RegistryRequest r) {
    throw new RegistryException(405, 405, "HTTP 405 Method Not Allowed: " + r.method() + " /"
        + String.join("/", r.path()));
  }

  private ObjectNode error(int code, String message) {
    return mapper.createObjectNode().put("error_code", code).put("message", message);
  }
}
