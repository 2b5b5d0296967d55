package io.olistlakehouse.platform.superset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.process.Ports;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestSuperset;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Superset as a platform process, started the way {@code up --with superset} starts it: a real gunicorn serving
 * Superset from the project's venv, with its metadata database and generated secrets under the work directory.
 */
class SupersetServerIT {

  private static Platform node(String name, Map<String, String> extra) {
    TestPlatform fixture = TestPlatform.shared();
    return TestSuperset.node(fixture, fixture.config(), name, extra);
  }

  private static int login(LakehouseConfig config, String user, String password) throws Exception {
    HttpResponse<String> response = TestSuperset.login(config, user, password);
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
      importingTheAssetsTwiceChangesNothing(config, secrets);

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

  /**
   * The dashboards as code: a first import creates them, a second one creates nothing more, and an export gives
   * back the committed files' objects.
   */
  private void importingTheAssetsTwiceChangesNothing(LakehouseConfig config, SupersetSecrets secrets)
      throws Exception {
    SupersetAssets.importAll(config);
    String first = listing(config, secrets);
    assertTrue(first.contains("\"slug\":\"sales-detail\"") && first.contains("\"slug\":\"delivery-monitor\"")
        && first.contains("\"slug\":\"pipeline-health\""), first);
    SupersetAssets.importAll(config);
    assertEquals(first, listing(config, secrets), "a second import changes nothing");
    // An edit to a chart that Superset already holds arrives with the next import, and the committed tree's
    // definition comes back with the one after.
    Path edited = copyOf(config.getPath("superset.assets.dir"));
    Path chart = edited.resolve("charts/sales_by_month.yaml");
    Files.writeString(chart,
        Files.readString(chart).replace("slice_name: Sales by Month", "slice_name: Revenue by Month"));
    SupersetAssets.importAll(config.withOverrides(Map.of("superset.assets.dir", edited.toString())));
    String afterEdit = listing(config, secrets);
    assertTrue(afterEdit.contains("\"Revenue by Month\"") && !afterEdit.contains("\"Sales by Month\""), afterEdit);
    SupersetAssets.importAll(config);
    assertEquals(first, listing(config, secrets), "the committed definitions again");
    Path exported = Files.createTempDirectory("superset-export");
    List<String> files = SupersetAssets.exportAll(config.withOverrides(Map.of("superset.assets.dir",
        exported.toString())));
    assertTrue(files.contains("dashboards/sales_detail.yaml"), files.toString());
    assertTrue(Files.readString(exported.resolve("databases/lakehouse.yaml"))
        .contains("sqlalchemy_uri: ${superset.database.uri}"), "the URI is exported as its placeholder");
    for (String file : files) {
      // Row ids (chartId, datasource ids) are the exporting instance's own; objects are known by their uuids.
      assertEquals(uuids(Files.readString(config.getPath("superset.assets.dir").resolve(file))),
          uuids(Files.readString(exported.resolve(file))), "the export of " + file + " names the same objects");
    }
  }

  private static Path copyOf(Path tree) throws Exception {
    Path copy = Files.createTempDirectory("superset-assets");
    try (Stream<Path> files = Files.walk(tree)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(tree.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return copy;
  }

  private static List<String> uuids(String yaml) {
    return yaml.lines().map(String::strip).filter(l -> l.startsWith("uuid: ") || l.startsWith("dataset_uuid: ")
        || l.startsWith("database_uuid: ")).sorted().toList();
  }

  /**
   * Dashboards, charts, datasets and databases as the API lists them: ids and names. (A re-import rewrites the
   * dashboard row, so its change time moves; its content is checked by the export.)
   */
  private static String listing(LakehouseConfig config, SupersetSecrets secrets) throws Exception {
    TestSuperset api = TestSuperset.api(config, secrets.adminUser(), secrets.adminPassword());
    StringBuilder out = new StringBuilder();
    Map<String, String> names = Map.of("dashboard", "slug,dashboard_title", "chart", "slice_name", "dataset",
        "table_name", "database", "database_name");
    for (String what : List.of("dashboard", "chart", "dataset", "database")) {
      out.append(what).append(": ").append(api.get("/api/v1/" + what + "/?q=(columns:!(id," + names.get(what)
          + "),page_size:100)").get("result")).append('\n');
    }
    return out.toString();
  }
}
