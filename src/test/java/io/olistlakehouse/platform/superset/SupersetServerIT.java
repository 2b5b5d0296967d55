package io.olistlakehouse.platform.superset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.process.Ports;
import io.olistlakehouse.testing.TestPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Superset as a platform process, started the way {@code up --with superset} starts it: a real gunicorn serving
 * Superset from the project's venv, with its metadata database and generated secrets under the work directory.
 */
class SupersetServerIT {

  private final HttpClient http = HttpClient.newHttpClient();

  private static Platform node(String name, Map<String, String> extra) {
    TestPlatform fixture = TestPlatform.shared();
    Map<String, String> o = new LinkedHashMap<>(extra);
    o.put("work.dir", fixture.config().getPath("work.dir").resolve("superset-" + name).toString());
    o.put("platform.processes", Platform.SUPERSET);
    o.put("superset.port", Integer.toString(Ports.ephemeral()));
    return new Platform(fixture.config().withOverrides(o));
  }

  private int login(LakehouseConfig config, String user, String password) throws Exception {
    String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"provider\":\"db\"}";
    HttpRequest request = HttpRequest.newBuilder(URI.create(SupersetServer.url(config) + "/api/v1/security/login"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 200) {
      assertTrue(response.body().contains("access_token"), response.body());
    }
    return response.statusCode();
  }

  @Test
  void startsWithAGeneratedAdminLoginThatSurvivesARestart() throws Exception {
    Platform node = node("generated", Map.of());
    try {
      node.up();
      LakehouseConfig config = node.config();
      assertTrue(SupersetServer.healthy(config));
      assertEquals(SupersetServer.url(config), node.endpoints().get("superset_url"));
      SupersetSecrets secrets = SupersetSecrets.current(config);
      assertTrue(Files.isRegularFile(SupersetSecrets.file(config)), "the generated secrets are kept");
      assertEquals(200, login(config, "admin", secrets.adminPassword()));
      assertEquals(401, login(config, "admin", secrets.adminPassword() + "x"), "a wrong password is refused");

      node.down();
      assertFalse(Ports.accepting(config.get("superset.host"), config.getInt("superset.port")), "down stops it");
      node.up();
      assertEquals(secrets, SupersetSecrets.current(config), "a restart keeps the secrets");
      assertEquals(200, login(config, "admin", secrets.adminPassword()), "and the admin user in its database");
    } finally {
      node.down();
    }
  }

  @Test
  void aConfiguredPasswordReplacesTheAdminPasswordAtTheNextStart() throws Exception {
    Platform first = node("configured", Map.of("superset.admin.password", "first-password-1"));
    first.up();
    first.down();
    Platform second = node("configured", Map.of("superset.admin.password", "second-password-2"));
    try {
      second.up();
      assertEquals(200, login(second.config(), "admin", "second-password-2"));
      assertEquals(401, login(second.config(), "admin", "first-password-1"));
      assertFalse(Files.exists(SupersetSecrets.file(second.config())) && Files.readString(
          SupersetSecrets.file(second.config())).contains("admin.password"), "a configured password is not kept");
    } finally {
      second.down();
    }
  }
}
