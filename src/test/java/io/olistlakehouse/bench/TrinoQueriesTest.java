package io.olistlakehouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.serve.DashboardQueries;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrinoQueriesTest {

  private static final Path HOME = Path.of(System.getProperty("lakehouse.home", ".")).toAbsolutePath();
  private static final LakehouseConfig CONFIG = LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"),
      Map.of(), HOME);

  @Test
  void aBareNameIsAReferenceButATableBehindADotIsNot() {
    assertTrue(TrinoQueries.references("SELECT * FROM order_delivery d", "order_delivery"));
    assertFalse(TrinoQueries.references("SELECT * FROM ${speed}.order_delivery d", "order_delivery"));
    assertFalse(TrinoQueries.references("-- reads order_delivery\nSELECT 1", "order_delivery"));
    assertFalse(TrinoQueries.references("SELECT order_delivery_days FROM t", "order_delivery"));
  }

  @Test
  void eachQueryGetsTheViewsItNeedsInCreationOrder() {
    List<DashboardQueries.Query> spark = DashboardQueries.all().stream()
        .map(q -> q.with("selected_orders", "'o1'")).toList();
    List<DashboardQueries.Query> trino = TrinoQueries.translate(spark, CONFIG);
    assertEquals(spark.size(), trino.size());
    DashboardQueries.Query status = trino.stream().filter(q -> q.name().equals("delivery_status")).findFirst()
        .orElseThrow();
    String sql = status.sql();
    int delivery = sql.indexOf("order_delivery AS (");
    int groups = sql.indexOf("product_group AS (");
    int delayed = sql.indexOf("delayed_orders AS (");
    assertTrue(sql.startsWith("WITH ") && delivery > 0 && groups > delivery && delayed > groups, sql);
    assertFalse(sql.contains("serve.") || sql.contains("${"), sql);
    assertTrue(sql.contains("lakehouse.speed.order_delivery") && sql.contains("lakehouse.gold.fact_order_detail"));
    assertFalse(trino.stream().anyMatch(q -> q.sql().contains("spark_catalog")));
    DashboardQueries.Query categories = trino.get(0);
    assertFalse(categories.sql().contains("order_delivery AS"), "only what the query reads: " + categories.sql());
  }
}
