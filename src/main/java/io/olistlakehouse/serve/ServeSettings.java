package io.olistlakehouse.serve;

import io.olistlakehouse.config.LakehouseConfig;
import java.util.List;

/**
 * Where the serving layer reads and what it publishes: the lakehouse catalog with the gold and speed namespaces the
 * views read, the session-catalog namespace of the serving views, and the lakehouse namespaces whose tables are
 * published for browsing over JDBC.
 */
public record ServeSettings(String catalog, String goldNamespace, String speedNamespace, String serveNamespace,
    List<String> publishedNamespaces) {

  /** Spark's built-in catalog: the one a Thrift server's DatabaseMetaData lists. */
  public static final String SESSION_CATALOG = "spark_catalog";

  public static ServeSettings fromConfig(LakehouseConfig config) {
    return new ServeSettings(config.get("catalog.name"), config.get("batch.gold.namespace"),
        config.get("speed.namespace"), config.get("serve.namespace"), config.getList("serve.published.namespaces"));
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
