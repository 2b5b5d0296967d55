package io.olistlakehouse.serve;

import io.olistlakehouse.config.LakehouseConfig;
import java.util.List;

/**
 * Where the serving layer reads and what it publishes: the lakehouse catalog with the namespaces the views read
 * (gold and speed for the analytics, every layer for pipeline health), the session-catalog namespace of the serving
 * views, and the lakehouse namespaces whose tables are published for browsing over JDBC.
 */
public record ServeSettings(String catalog, String bronzeNamespace, String silverNamespace, String goldNamespace,
    String speedNamespace, String serveNamespace, List<String> publishedNamespaces) {

  /** Spark's built-in catalog: the one a Thrift server's DatabaseMetaData lists. */
  public static final String SESSION_CATALOG = "spark_catalog";

  public static ServeSettings fromConfig(LakehouseConfig config) {
    return new ServeSettings(config.get("catalog.name"), config.get("batch.bronze.namespace"),
        config.get("batch.silver.namespace"), config.get("batch.gold.namespace"),
        config.get("speed.namespace"), config.get("serve.namespace"), config.getList("serve.published.namespaces"));
  }

  public String bronze() {
    return catalog + "." + bronzeNamespace;
  }

  public String silver() {
    return catalog + "." + silverNamespace;
  }

  public String gold() {
    return catalog + "." + goldNamespace;
  }

  public String speed() {
    return catalog + "." + speedNamespace;
  }

  public String serve() {
    return SESSION_CATALOG + "." + serveNamespace;
  }
}
