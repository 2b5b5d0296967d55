package io.olistlakehouse.platform.catalog;

import io.olistlakehouse.config.LakehouseConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;

/**
 * The Iceberg catalog every process shares: a JDBC catalog (safe for several JVMs committing at once, since a commit
 * is a conditional UPDATE of the metadata pointer) with data and metadata on the S3 API through S3FileIO. Spark
 * sessions and plain Java clients get their properties from here, so they always agree.
 */
public final class IcebergCatalogs {

  /** Keys with this prefix are passed to the catalog (and its FileIO) without the prefix. */
  public static final String PROPERTY_PREFIX = "catalog.property.";

  private IcebergCatalogs() {}

  public static Map<String, String> properties(LakehouseConfig config) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(CatalogProperties.CATALOG_IMPL, "org.apache.iceberg.jdbc.JdbcCatalog");
    p.put(CatalogProperties.URI, config.get("catalog.uri"));
    p.put("jdbc.user", config.get("catalog.user"));
    p.put("jdbc.password", config.get("catalog.password"));
    p.put("retryable_status_codes", config.get("catalog.retryable.sql.states"));
    // V1 of the JDBC catalog's own tables also stores views.
    p.put("jdbc.schema-version", "V1");
    p.put(CatalogProperties.WAREHOUSE_LOCATION, config.get("catalog.warehouse"));
    p.put(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.aws.s3.S3FileIO");
    p.put("s3.endpoint", config.get("s3.endpoint"));
    p.put("s3.path-style-access", config.get("s3.path.style.access"));
    p.put("s3.access-key-id", config.get("s3.access.key"));
    p.put("s3.secret-access-key", config.get("s3.secret.key"));
    p.put("client.region", config.get("s3.region"));
    // Streaming batches, batch jobs and JDBC sessions commit from different sessions: a cached table would hide them.
    p.put(CatalogProperties.CACHE_ENABLED, "false");
    // Any other catalog or FileIO property, as catalog.property.<name>=<value>.
    p.putAll(config.withPrefix(PROPERTY_PREFIX));
    return p;
  }

  /** A plain Java catalog client (no Spark), for platform set-up and tools. */
  public static Catalog open(LakehouseConfig config) {
    return CatalogUtil.buildIcebergCatalog(config.get("catalog.name"), properties(config), new Configuration());
  }

  /** Creates the configured namespaces (bronze, silver, gold, speed) where absent; never drops anything. */
  public static void ensureNamespaces(LakehouseConfig config) {
    Catalog catalog = open(config);
    try {
      SupportsNamespaces namespaces = (SupportsNamespaces) catalog;
      for (String name : config.getList("catalog.namespaces")) {
        Namespace ns = Namespace.of(name);
        if (!namespaces.namespaceExists(ns)) {
          namespaces.createNamespace(ns);
        }
      }
    } finally {
      closeQuietly(catalog);
    }
  }

  public static void closeQuietly(Catalog catalog) {
    if (catalog instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // closing a client connection pool; nothing to recover
      }
    }
  }
}
