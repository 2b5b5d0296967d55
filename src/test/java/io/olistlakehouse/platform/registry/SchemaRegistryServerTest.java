package io.olistlakehouse.platform.registry;

import static io.olistlakehouse.testing.TestSchemas.COUPON;
import static io.olistlakehouse.testing.TestSchemas.ITEMS;
import static io.olistlakehouse.testing.TestSchemas.ORDER_ID;
import static io.olistlakehouse.testing.TestSchemas.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.testing.TestRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API end to end: real HTTP on an ephemeral port, in-memory log. */
class SchemaRegistryServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private TestRegistry registry;

  private record Reply(int status, JsonNode body, String contentType, String text) {
    int errorCode() {
      return body.path("error_code").asInt();
    }
  }

  @BeforeEach
  void start() {
    registry = TestRegistry.start();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private Reply call(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(registry.url() + path));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/vnd.schemaregistry.v1+json");
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), JSON.readTree(r.body()), r.headers().firstValue("Content-Type").orElse(""),
        r.body());
  }

  private static String schemaBody(Schema schema) throws IOException {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  @Test
  void registersLooksUpAndServesByIdLikeConfluent() throws Exception {
    Schema v1 = record("Order", ORDER_ID, ITEMS);
    assertEquals("{}", call("GET", "/", null).text());
    Reply registered = call("POST", "/subjects/orders-value/versions?normalize=false",
        "{\"schema\":" + JSON.writeValueAsString(v1.toString()) + ",\"schemaType\":\"AVRO\",\"references\":[],"
            + "\"metadata\":null,\"ruleSet\":null,\"extra\":1}");
    assertEquals(200, registered.status(), registered.text());
    assertEquals("application/vnd.schemaregistry.v1+json", registered.contentType());
    int id = registered.body().get("id").asInt();
    assertEquals(1, id);
    assertEquals(1, registered.body().get("version").asInt());
    assertEquals(id, call("POST", "/subjects/other-value/versions", schemaBody(v1)).body().get("id").asInt());

    assertEquals("[\"orders-value\",\"other-value\"]", call("GET", "/subjects", null).text());
    assertEquals("[1]", call("GET", "/subjects/orders-value/versions", null).text());
    for (String v : new String[] {"1", "latest", "-1"}) {
      JsonNode version = call("GET", "/subjects/orders-value/versions/" + v, null).body();
      assertEquals("orders-value", version.get("subject").asText());
      assertEquals(1, version.get("version").asInt());
      assertEquals(id, version.get("id").asInt());
      assertEquals(v1, new Schema.Parser().parse(version.get("schema").asText()));
    }
    assertEquals(v1.toString(), call("GET", "/subjects/orders-value/versions/1/schema", null).text());

    JsonNode lookup = call("POST", "/subjects/orders-value", schemaBody(v1)).body();
    assertEquals(id, lookup.get("id").asInt());
    assertEquals(1, lookup.get("version").asInt());

    JsonNode byId = call("GET", "/schemas/ids/" + id + "?subject=x&format=resolved&reference_format=y", null).body();
    assertEquals(v1.toString(), byId.get("schema").asText());
    assertEquals("[\"orders-value\",\"other-value\"]", call("GET", "/schemas/ids/1/subjects", null).text());
    assertEquals(2, call("GET", "/schemas/ids/1/versions", null).body().size());
    assertEquals("[\"AVRO\"]", call("GET", "/schemas/types", null).text());
  }

  @Test
  void notFoundAndInvalidRequestsCarryConfluentErrorCodes() throws Exception {
    Schema v1 = record("Order", ORDER_ID);
    call("POST", "/subjects/orders-value/versions", schemaBody(v1));
    assertError(call("GET", "/subjects/nope/versions", null), 404, 40401);
    assertError(call("GET", "/subjects/orders-value/versions/9", null), 404, 40402);
    assertError(call("GET", "/subjects/orders-value/versions/zero", null), 422, 42202);
    assertError(call("POST", "/subjects/nope", schemaBody(v1)), 404, 40401);
    assertError(call("POST", "/subjects/orders-value", schemaBody(record("Other", ORDER_ID))), 404, 40403);
    assertError(call("GET", "/schemas/ids/999", null), 404, 40403);
    assertError(call("POST", "/subjects/s/versions", "{\"schema\":\"x\",\"schemaType\":\"JSON\"}"), 422, 42201);
    assertError(call("POST", "/subjects/s/versions", "{\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}"), 422, 42201);
    assertError(call("POST", "/subjects/s/versions", "{not json"), 400, 400);
    assertError(call("GET", "/no/such/path", null), 404, 404);
    assertError(call("PUT", "/subjects", "{}"), 405, 405);
  }

  @Test
  void incompatibleSchemaIs409WithTheFieldInTheMessage() throws Exception {
    call("POST", "/subjects/orders-value/versions", schemaBody(record("Order", ORDER_ID, ITEMS)));
    Reply ok = call("POST", "/subjects/orders-value/versions", schemaBody(record("Order", ORDER_ID, ITEMS, COUPON)));
    assertEquals(200, ok.status());
    assertEquals(2, ok.body().get("id").asInt());

    Reply rejected = call("POST", "/subjects/orders-value/versions",
        schemaBody(record("Order", ORDER_ID, ITEMS, COUPON, "{\"name\":\"seller\",\"type\":\"string\"}")));
    assertError(rejected, 409, 409);
    String message = rejected.body().get("message").asText();
    assertTrue(message.startsWith("Schema being registered is incompatible with an earlier schema for subject "
        + "\"orders-value\", details: READER_FIELD_MISSING_DEFAULT_VALUE at /fields/3: field 'seller'"), message);

    String typeChange = schemaBody(record("Order", ORDER_ID, "{\"name\":\"items\",\"type\":\"string\"}", COUPON));
    Reply check = call("POST", "/compatibility/subjects/orders-value/versions/latest?verbose=true", typeChange);
    assertFalse(check.body().get("is_compatible").asBoolean());
    assertTrue(check.body().get("messages").get(0).asText().contains("field 'items'"), check.text());
    Reply quiet = call("POST", "/compatibility/subjects/orders-value/versions", typeChange);
    assertEquals("{\"is_compatible\":false}", quiet.text());
    assertError(call("POST", "/subjects/orders-value/versions", typeChange), 409, 409);
    assertEquals("[1,2]", call("GET", "/subjects/orders-value/versions", null).text());
  }

  @Test
  void compatibilityConfigGlobalAndPerSubject() throws Exception {
    assertEquals("{\"compatibilityLevel\":\"BACKWARD\"}", call("GET", "/config", null).text());
    assertError(call("GET", "/config/orders-value", null), 404, 40408);
    assertEquals("{\"compatibilityLevel\":\"BACKWARD\"}",
        call("GET", "/config/orders-value?defaultToGlobal=true", null).text());
    assertEquals("{\"compatibility\":\"NONE\"}",
        call("PUT", "/config/orders-value", "{\"compatibility\":\"NONE\"}").text());
    assertEquals("{\"compatibilityLevel\":\"NONE\"}", call("GET", "/config/orders-value", null).text());

    // NONE lets an incompatible change through for this subject only.
    call("POST", "/subjects/orders-value/versions", schemaBody(record("Order", ORDER_ID)));
    Reply changed = call("POST", "/subjects/orders-value/versions",
        schemaBody(record("Order", "{\"name\":\"order_id\",\"type\":\"long\"}")));
    assertEquals(200, changed.status(), changed.text());

    assertEquals("{\"compatibility\":\"FULL\"}", call("PUT", "/config", "{\"compatibility\":\"full\"}").text());
    assertEquals("{\"compatibilityLevel\":\"FULL\"}", call("GET", "/config", null).text());
    assertEquals("{\"compatibilityLevel\":\"NONE\"}", call("DELETE", "/config/orders-value", null).text());
    assertError(call("GET", "/config/orders-value", null), 404, 40408);
    assertError(call("PUT", "/config", "{\"compatibility\":\"SOMETIMES\"}"), 422, 42203);
  }

  @Test
  void subjectNamesAreUrlDecoded() throws Exception {
    Schema v1 = record("Order", ORDER_ID);
    Reply r = call("POST", "/subjects/team%2Forders%20v%2B1-value/versions", schemaBody(v1));
    assertEquals(200, r.status(), r.text());
    assertEquals("[\"team/orders v+1-value\"]", call("GET", "/subjects", null).text());
    assertEquals("team/orders v+1-value",
        call("GET", "/subjects/team%2Forders%20v%2B1-value/versions/1", null).body().get("subject").asText());
  }

  @Test
  void softDeleteOverHttp() throws Exception {
    call("POST", "/subjects/orders-value/versions", schemaBody(record("Order", ORDER_ID)));
    call("POST", "/subjects/orders-value/versions", schemaBody(record("Order", ORDER_ID, COUPON)));
    assertEquals("2", call("DELETE", "/subjects/orders-value/versions/2", null).text());
    assertEquals("[1]", call("GET", "/subjects/orders-value/versions", null).text());
    assertEquals("[1]", call("DELETE", "/subjects/orders-value", null).text());
    assertEquals("[]", call("GET", "/subjects", null).text());
    assertEquals("[\"orders-value\"]", call("GET", "/subjects?deleted=true", null).text());
    assertError(call("DELETE", "/subjects/orders-value?permanent=true", null), 422, 42206);
  }

  @Test
  void stateSurvivesRestartOnTheSameLog() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(record("A", ORDER_ID)));
    call("POST", "/subjects/b-value/versions", schemaBody(record("B", ORDER_ID)));
    call("PUT", "/config/b-value", "{\"compatibility\":\"FULL\"}");
    registry.close();
    registry = TestRegistry.start(registry.log());
    assertEquals(2, call("POST", "/subjects/b-value", schemaBody(record("B", ORDER_ID))).body().get("id").asInt());
    assertEquals("{\"compatibilityLevel\":\"FULL\"}", call("GET", "/config/b-value", null).text());
    assertEquals(3, call("POST", "/subjects/c-value/versions", schemaBody(record("C", ORDER_ID))).body()
        .get("id").asInt(), "ids continue after the highest replayed id");
  }

  private static void assertError(Reply reply, int status, int errorCode) {
    assertEquals(status, reply.status(), reply.text());
    assertEquals(errorCode, reply.errorCode(), reply.text());
    assertFalse(reply.body().path("message").asText().isBlank(), "every error has a message: " + reply.text());
  }
}
