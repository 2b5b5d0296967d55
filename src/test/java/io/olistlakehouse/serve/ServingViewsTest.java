package io.olistlakehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.sasl.AuthenticationException;
import org.junit.jupiter.api.Test;

class ServingViewsTest {

  private static final Path HOME = Path.of(System.getProperty("lakehouse.home", ".")).toAbsolutePath();
  private static final LakehouseConfig CONFIG = LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"),
      Map.of(), HOME);

  @Test
  void everyViewRendersWithNoPlaceholderLeftAndReadsOnlyViewsCreatedBeforeIt() {
    List<String> created = new ArrayList<>();
    Pattern serveRef = Pattern.compile("spark_catalog\\.serve\\.([a-z_]+)");
    for (String view : ServingViews.NAMES) {
      String sql = ServingViews.query(view, CONFIG, table -> true);
      assertFalse(sql.contains("${"), view + ": " + sql);
      Matcher m = serveRef.matcher(sql);
      while (m.find()) {
        assertTrue(created.contains(m.group(1)), view + " reads serve." + m.group(1) + " before it is created");
      }
      created.add(view);
    }
  }

  @Test
  void theMergedViewReadsBothLayersAndStandsInForAMissingOne() {
    String both = ServingViews.query("order_delivery", CONFIG, table -> true);
    assertTrue(both.contains("FROM lakehouse.speed.order_delivery s"), both);
    assertTrue(both.contains("FULL OUTER JOIN lakehouse.gold.fact_order_lead_days b"), both);

    String speedOnly = ServingViews.query("order_delivery", CONFIG, table -> table.contains(".speed."));
    assertTrue(speedOnly.contains("FULL OUTER JOIN (SELECT order_id, status, purchase_at"), speedOnly);
    assertTrue(speedOnly.contains("FROM lakehouse.speed.order_delivery WHERE false) b"), speedOnly);

    String batchOnly = ServingViews.query("order_delivery", CONFIG, table -> table.contains(".gold."));
    assertTrue(batchOnly.contains("FROM lakehouse.gold.fact_order_lead_days WHERE false) s"), batchOnly);
  }

  @Test
  void pipelineHealthViewsReadTheTablesThatExistAndStandInForTheRest() {
    LakehouseTables some = new LakehouseTables() {
      @Override
      public boolean exists(String table) {
        return table.equals("lakehouse.bronze.order_status") || table.equals("lakehouse.bronze.dead_letter");
      }

      @Override
      public List<String> list(String namespace) {
        return namespace.equals("lakehouse.gold") ? List.of("fact_order_detail") : List.of();
      }
    };
    String events = ServingViews.query("events_per_minute", CONFIG, some);
    assertTrue(events.contains("SELECT 'order_status' AS stream, committed_at, "
        + "CAST(summary['added-records'] AS BIGINT) AS events FROM lakehouse.bronze.order_status.snapshots"), events);
    assertFalse(events.contains("UNION ALL"), "only the existing stream table: " + events);
    String rejected = ServingViews.query("rejected_events", CONFIG, some);
    assertTrue(rejected.contains("FROM lakehouse.bronze.dead_letter\n"), rejected);
    assertTrue(rejected.contains("CAST(NULL AS TIMESTAMP) AS event_time WHERE false)"), "no late_events yet");
    String freshness = ServingViews.query("table_freshness", CONFIG, some);
    assertTrue(freshness.contains("SELECT 'gold' AS layer, 'fact_order_detail' AS table_name"), freshness);
    assertTrue(freshness.contains("FROM lakehouse.gold.fact_order_detail.snapshots"), freshness);
    String none = ServingViews.query("table_freshness", CONFIG, table -> false);
    assertTrue(none.contains("WHERE false"), "an empty relation before any table exists: " + none);
  }

  @Test
  void viewsFollowTheConfiguredNamespaces() {
    LakehouseConfig custom = CONFIG.withOverrides(Map.of("batch.gold.namespace", "g2", "speed.namespace", "s2",
        "serve.namespace", "v2", "catalog.name", "lake"));
    String sql = ServingViews.createStatement("delayed_orders", custom, table -> true);
    assertTrue(sql.startsWith("CREATE OR REPLACE VIEW spark_catalog.v2.delayed_orders AS"), sql);
    assertTrue(sql.contains("lake.g2.fact_order_detail") && sql.contains("spark_catalog.v2.order_delivery"), sql);
    assertThrows(IllegalArgumentException.class, () -> ServingViews.query("no_such_view", CONFIG, t -> true));
  }

  @Test
  void dashboardQueriesAreNamedAndReadOnlyServingViews() {
    List<DashboardQueries.Query> queries = DashboardQueries.all();
    assertEquals(10, queries.size());
    for (DashboardQueries.Query q : queries) {
      assertTrue(q.sql().startsWith("SELECT"), q.name() + ": " + q.sql());
      assertFalse(q.with("selected_orders", "'o1'").sql().contains("${"), q.name());
      Matcher m = Pattern.compile("FROM ([a-z_]+)\\.([a-z_]+)").matcher(q.sql());
      while (m.find()) {
        assertEquals("serve", m.group(1), q.name());
        assertTrue(ServingViews.NAMES.contains(m.group(2)), q.name() + " reads " + m.group(2));
      }
    }
    assertEquals(List.of(new DashboardQueries.Query("a", "SELECT 1"), new DashboardQueries.Query("b",
        "SELECT 2\nFROM t")), DashboardQueries.parse("-- intro\n-- name: a\nSELECT 1\n\n-- name: b\nSELECT 2\n"
        + "-- a comment\nFROM t\n"));
    assertThrows(IllegalArgumentException.class, () -> DashboardQueries.parse("-- name: empty\n\n"));
  }

  @Test
  void thePasswordCheckAcceptsOnlyTheConfiguredUserAndPassword() throws Exception {
    PasswordAuthenticator auth = new PasswordAuthenticator(CONFIG.withOverrides(Map.of("serve.thrift.user", "ana",
        "serve.thrift.password", "s3cret")));
    auth.Authenticate("ana", "s3cret");
    assertThrows(AuthenticationException.class, () -> auth.Authenticate("ana", "s3cret!"));
    assertThrows(AuthenticationException.class, () -> auth.Authenticate("bob", "s3cret"));
    assertThrows(AuthenticationException.class, () -> auth.Authenticate("ana", null));
    assertThrows(IllegalStateException.class, () -> new PasswordAuthenticator(CONFIG));
  }

  @Test
  void theServerTurnsTheCatalogCacheOffAndAuthenticatesOnlyWithAPassword() {
    LakehouseConfig open = ThriftServerMain.serverConfig(CONFIG);
    assertEquals("false", open.get("catalog.property.cache-enabled"));
    assertEquals("NONE", open.get("serve.spark.hadoop.hive.server2.authentication"));
    assertEquals(CONFIG.get("serve.thrift.port"), open.get("serve.spark.hadoop.hive.server2.thrift.port"));
    LakehouseConfig locked = ThriftServerMain.serverConfig(CONFIG.withOverrides(Map.of("serve.thrift.password",
        "x")));
    assertEquals("CUSTOM", locked.get("serve.spark.hadoop.hive.server2.authentication"));
  }
}
