package io.olistlakehouse.platform.registry;

import static io.olistlakehouse.testing.TestSchemas.ORDER_ID;
import static io.olistlakehouse.testing.TestSchemas.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.serde.SchemaRegistryException;
import io.olistlakehouse.testing.TestRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A registry with registry.user set: HTTP basic authentication, as the secure profile runs it. */
class RegistryAuthenticationTest {

  private final TestRegistry registry =
      TestRegistry.start(Map.of("registry.user", "schemas", "registry.password", "pa ss:word"));

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void requestsWithoutCredentialsAreAnswered401() throws Exception {
    HttpResponse<String> reply = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create(registry.url() + "/subjects")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, reply.statusCode());
    assertTrue(reply.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), reply.headers().map()
        .toString());
  }

  @Test
  void theConfiguredClientAuthenticatesAndKeepsThePasswordOutOfItsUrl() {
    SchemaRegistryClient client = SchemaRegistryClient.fromConfig(registry.config());
    int id = client.register("orders-value", record("Order", ORDER_ID));
    assertEquals(List.of("orders-value"), client.subjects());
    assertEquals(id, client.lookup("orders-value", record("Order", ORDER_ID)).id());
    assertEquals(registry.url(), client.baseUrl());
    assertFalse(client.baseUrl().contains("word"));
  }

  @Test
  void aWrongPasswordIsRefusedWithAnErrorSayingWhatToSet() {
    SchemaRegistryClient wrong = SchemaRegistryClient.fromConfig(
        registry.config().withOverrides(Map.of("registry.password", "not-it")));
    SchemaRegistryException refused = assertThrows(SchemaRegistryException.class, wrong::subjects);
    assertEquals(401, refused.status());
    assertTrue(refused.getMessage().contains("LAKEHOUSE_REGISTRY_PASSWORD"), refused.getMessage());
  }
}
