package io.olistlakehouse.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.process.Ports;
import io.olistlakehouse.platform.process.ProcessStatus;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestSpark;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class PlatformLifecycleIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void statusJsonReportsEveryProcessHealthyWithEndpoints() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    TestLauncher.Result result = TestLauncher.run(fixture, "status", "--json");
    assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
    JsonNode status = JSON.readTree(result.stdout());
    assertTrue(status.get("healthy").asBoolean());
    assertEquals(fixture.config().get("kafka.bootstrap.servers"), status.at("/endpoints/kafka_bootstrap").asText());
    assertEquals(fixture.config().get("registry.url"), status.at("/endpoints/registry_url").asText());
    assertEquals(fixture.config().get("s3.bucket"), status.at("/endpoints/s3_bucket").asText());
    assertEquals(fixture.config().get("catalog.uri"), status.at("/endpoints/catalog_uri").asText());
    assertEquals("jdbc:hive2://" + fixture.config().get("serve.thrift.host") + ":"
        + fixture.config().get("serve.thrift.port") + "/default", status.at("/endpoints/jdbc_url").asText());
    assertEquals("none", status.at("/endpoints/jdbc_auth").asText(), "the local default has no password");
    List<String> names = JSON.convertValue(status.findValues("name"), JSON.getTypeFactory()
        .constructCollectionType(List.class, String.class));
    assertEquals(List.of("catalog", "s3", "kafka-1", "kafka-2", "kafka-3", "registry", "thrift"), names);
    for (JsonNode p : status.get("processes")) {
      assertEquals("healthy", p.get("state").asText(), p.toString());
      assertTrue(p.get("rss_kb").asLong() > 0, p.toString());
    }
  }

  @Test
  void downThenUpKeepsTopicsSchemasAndTables() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    Platform platform = fixture.platform();
    LakehouseConfig config = fixture.config();
    String topic = "lifecycle-" + UUID.randomUUID();
    String subject = topic + "-value";
    String schema = "{\"type\":\"record\",\"name\":\"Lifecycle\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.get("kafka.bootstrap.servers")))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3))).all().get(30, TimeUnit.SECONDS);
    }
    int schemaId = register(config, subject, schema);
    SparkSession spark = TestSpark.session();
    spark.sql("CREATE TABLE IF NOT EXISTS lakehouse.bronze.lifecycle_check (id BIGINT) USING iceberg");
    spark.sql("INSERT INTO lakehouse.bronze.lifecycle_check VALUES (1), (2), (3)");

    platform.down();
    assertTrue(platform.status().stream().allMatch(s -> s.state() == ProcessStatus.State.STOPPED));
    platform.up();
    assertTrue(platform.healthy(), platform.status().toString());

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.get("kafka.bootstrap.servers")))) {
      var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
      assertEquals(3, description.partitions().size());
    }
    JsonNode version = get(config, "/subjects/" + subject + "/versions/1");
    assertEquals(schemaId, version.get("id").asInt(), "the schema keeps its id across down/up");
    assertEquals(schemaId, register(config, subject, schema), "re-registering returns the same id");
    assertEquals(3L, spark.sql("SELECT * FROM lakehouse.bronze.lifecycle_check").count());
  }

  @Test
  void aTakenPortFailsFastNamingIt() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    try (ServerSocket taken = new ServerSocket(0)) {
      Map<String, String> overrides = new HashMap<>();
      overrides.put("work.dir", Files.createTempDirectory("lakehouse-port-check").toString());
      for (String key : fixture.config().asMap().keySet()) {
        if (key.endsWith(".port")) {
          overrides.put(key, Integer.toString(Ports.ephemeral()));
        }
      }
      overrides.put("kafka.node.2.port", Integer.toString(taken.getLocalPort()));
      Platform other = new Platform(fixture.config().withOverrides(overrides));
      IllegalStateException e = assertThrows(IllegalStateException.class, other::up);
      assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
      assertTrue(e.getMessage().contains("kafka.node.2.port"), e.getMessage());
      assertTrue(other.status().stream().allMatch(s -> s.state() == ProcessStatus.State.STOPPED),
          "nothing was started");
    }
  }

  private static int register(LakehouseConfig config, String subject, String schema) throws Exception {
    String body = JSON.writeValueAsString(Map.of("schema", schema));
    HttpRequest request = HttpRequest.newBuilder(URI.create(config.get("registry.url") + "/subjects/" + subject
            + "/versions"))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body()).get("id").asInt();
  }

  private static JsonNode get(LakehouseConfig config, String path) throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create(config.get("registry.url") + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }
}
