package io.olistlakehouse.platform.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.serde.ConfluentAvroDeserializer;
import io.olistlakehouse.serde.ConfluentAvroSerializer;
import io.olistlakehouse.serde.ConfluentWireFormat;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.testing.TestPlatform;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our registry and serde against Confluent's official Python client (confluent-kafka, run from the project venv):
 * bytes cross the language boundary both ways, and schema evolution is judged as Confluent clients expect.
 * Runs against the shared platform; every test uses its own subjects.
 */
class ConfluentConformanceIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPTIONAL_CHANNEL =
      ",{\"name\":\"channel\",\"type\":[\"null\",\"string\"],\"default\":null}";
  private static final Schema ORDER = orderSchema("long", "");
  private static final long TIMEOUT_SECONDS = 120;

  private static SchemaRegistryClient registry;
  private static Path python;
  private static Path script;

  @TempDir
  Path tmp;

  private record Run(int exit, String stdout, String stderr) {
    JsonNode json() throws IOException {
      return JSON.readTree(stdout);
    }
  }

  @BeforeAll
  static void platform() {
    LakehouseConfig config = TestPlatform.shared().config();
    registry = SchemaRegistryClient.fromConfig(config);
    Path project = Path.of(System.getProperty("lakehouse.project.dir", ".")).toAbsolutePath().normalize();
    python = project.resolve(".venv/bin/python");
    script = project.resolve("src/test/python/confluent_conformance.py");
    assertTrue(Files.isExecutable(python), "no project venv at " + python + " (bin/setup-python creates it)");
  }

  @Test
  void bytesFromConfluentPythonDecodeInJava() throws Exception {
    String topic = unique("conformance-py2java");
    Path schemaFile = write("order.avsc", ORDER.toString());
    ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(registry);
    List<String> records = List.of(
        "{\"order_id\":\"o-py-1\",\"items\":3,\"freight\":12.5,\"coupon\":\"PY10\",\"price\":\"1234567890.12\"}",
        "{\"order_id\":\"o-py-2\",\"items\":-7,\"freight\":0.1,\"coupon\":null,\"price\":\"0.10\"}");
    for (String json : records) {
      JsonNode expected = JSON.readTree(json);
      Path out = tmp.resolve("py-" + expected.get("order_id").asText() + ".bin");
      Run run = python("serialize", "--topic", topic, "--schema-file", schemaFile.toString(),
          "--record-json", json, "--out", out.toString());
      assertEquals(0, run.exit(), run.toString());
      byte[] bytes = Files.readAllBytes(out);

      int id = ConfluentWireFormat.schemaId(bytes);
      assertEquals(run.json().get("schema_id").asInt(), id);
      assertEquals(id, registry.latest(topic + "-value").id(), "id in the bytes = id our registry reports");
      assertEquals(id, registry.lookup(topic + "-value", ORDER).id());

      GenericRecord record = deserializer.deserialize(topic, bytes);
      assertEquals(expected.get("order_id").asText(), record.get("order_id").toString());
      assertEquals(expected.get("items").asLong(), record.get("items"));
      assertEquals(expected.get("freight").asDouble(), (Double) record.get("freight"), 0.0);
      if (expected.get("coupon").isNull()) {
        assertNull(record.get("coupon"));
      } else {
        assertEquals(expected.get("coupon").asText(), record.get("coupon").toString());
      }
      assertEquals(new BigDecimal(expected.get("price").asText()), record.get("price"));
    }
  }

  @Test
  void bytesFromJavaDecodeWithConfluentPython() throws Exception {
    String topic = unique("conformance-java2py");
    GenericRecord record = new GenericData.Record(ORDER);
    record.put("order_id", "o-java-1");
    record.put("items", 9_000_000_000L);
    record.put("freight", 23.75);
    record.put("coupon", null);
    record.put("price", new BigDecimal("9999999999.99"));
    byte[] bytes = new ConfluentAvroSerializer(registry).serialize(topic, record);
    Path in = write("java.bin", bytes);

    Run run = python("deserialize", "--topic", topic, "--in", in.toString());
    assertEquals(0, run.exit(), run.toString());
    JsonNode decoded = run.json();
    assertEquals("o-java-1", decoded.get("order_id").asText());
    assertEquals(9_000_000_000L, decoded.get("items").asLong());
    assertEquals(23.75, decoded.get("freight").asDouble(), 0.0);
    assertTrue(decoded.get("coupon").isNull(), decoded.toString());
    assertEquals("9999999999.99", decoded.get("price").asText(), "money must stay exact");
  }

  @Test
  void backwardEvolutionJudgedAsConfluentClientsExpect() throws Exception {
    String subject = unique("conformance-evolution") + "-value";
    Run level = python("set-compatibility", "--subject", subject, "--level", "BACKWARD");
    assertEquals(0, level.exit(), level.toString());
    assertEquals("BACKWARD", level.json().get("compatibilityLevel").asText());

    int v1 = registerWithPython(subject, ORDER);
    int v2 = registerWithPython(subject, orderSchema("long", OPTIONAL_CHANNEL));
    assertNotEquals(v1, v2, "an evolved schema gets a new id");
    assertEquals(v2, registry.latest(subject).id());
    assertEquals(List.of(1, 2), registry.versions(subject));

    Schema required = orderSchema("long", OPTIONAL_CHANNEL + ",{\"name\":\"seller_id\",\"type\":\"string\"}");
    JsonNode missingDefault = rejectedWithPython(subject, required);
    assertTrue(missingDefault.get("message").asText().contains("'seller_id'"), missingDefault.toString());
    assertTrue(missingDefault.get("message").asText().contains("READER_FIELD_MISSING_DEFAULT_VALUE"),
        missingDefault.toString());

    JsonNode typeChange = rejectedWithPython(subject, orderSchema("string", OPTIONAL_CHANNEL));
    assertTrue(typeChange.get("message").asText().contains("'items'"), typeChange.toString());
    assertTrue(typeChange.get("message").asText().contains("TYPE_MISMATCH"), typeChange.toString());
    assertEquals(List.of(1, 2), registry.versions(subject), "rejected schemas must not become versions");
  }

  private int registerWithPython(String subject, Schema schema) throws Exception {
    Run run = python("register", "--subject", subject, "--schema-file", write("s.avsc", schema.toString()).toString());
    assertEquals(0, run.exit(), run.toString());
    return run.json().get("id").asInt();
  }

  private JsonNode rejectedWithPython(String subject, Schema schema) throws Exception {
    Run run = python("register", "--subject", subject, "--schema-file", write("s.avsc", schema.toString()).toString());
    assertEquals(2, run.exit(), "expected a registry error: " + run);
    JsonNode error = run.json();
    assertEquals(409, error.get("http_status").asInt(), error.toString());
    assertEquals(409, error.get("error_code").asInt(), error.toString());
    return error;
  }

  private Run python(String command, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(), command,
        "--registry", registry.baseUrl()));
    cmd.addAll(List.of(args));
    Path stdout = Files.createTempFile(tmp, "py", ".out");
    Path stderr = Files.createTempFile(tmp, "py", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("python timed out: " + cmd);
    }
    return new Run(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(tmp.resolve(name), bytes);
  }

  /** string, long, double, a nullable union with default null and a decimal(12,2): what must agree across languages. */
  private static Schema orderSchema(String itemsType, String extraFields) {
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":"
        + "\"io.olistlakehouse.conformance\",\"fields\":["
        + "{\"name\":\"order_id\",\"type\":\"string\"},"
        + "{\"name\":\"items\",\"type\":\"" + itemsType + "\"},"
        + "{\"name\":\"freight\",\"type\":\"double\"},"
        + "{\"name\":\"coupon\",\"type\":[\"null\",\"string\"],\"default\":null},"
        + "{\"name\":\"price\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,"
        + "\"scale\":2}}" + extraFields + "]}");
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
