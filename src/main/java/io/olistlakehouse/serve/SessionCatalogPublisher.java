package io.olistlakehouse.serve;

import io.olistlakehouse.config.LakehouseConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what JDBC clients browse into the Thrift server's session catalog, the only one its DatabaseMetaData
 * lists: every table of the published lakehouse namespaces as a view of the same name ({@code gold.x} is
 * {@code SELECT * FROM lakehouse.gold.x}), and the serving views. Tables appear as the jobs create them, so a pass
 * runs at start and then periodically. A pass publishes a view only when its statement is new or has changed (the
 * merged view changes once both of its tables exist); a serving view whose tables do not exist yet waits.
 */
public final class SessionCatalogPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(SessionCatalogPublisher.class);

  private final SparkSession spark;
  private final LakehouseConfig config;
  private final ServeSettings settings;
  private final Map<String, String> published = new HashMap<>();
  private final Set<String> waiting = new HashSet<>();

  public SessionCatalogPublisher(SparkSession spark, LakehouseConfig config) {
    this.spark = spark;
    this.config = config;
    this.settings = ServeSettings.fromConfig(config);
  }

  /** One pass; returns the names it published. */
  public List<String> publishMissing() {
    List<String> now = new ArrayList<>();
    for (String namespace : settings.publishedNamespaces()) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + ServeSettings.SESSION_CATALOG + "." + namespace);
      for (String table : lakehouseTables(namespace)) {
        String name = namespace + "." + table;
        String statement = "CREATE OR REPLACE VIEW " + ServeSettings.SESSION_CATALOG + "." + name
            + " AS SELECT * FROM " + settings.catalog() + "." + name;
        if (!statement.equals(published.get(name))) {
          spark.sql(statement);
          published.put(name, statement);
          now.add(name);
        }
      }
    }
    spark.sql("CREATE DATABASE IF NOT EXISTS " + settings.serve());
    Map<String, Boolean> exists = new HashMap<>();
    LakehouseTables tables = new LakehouseTables() {
      @Override
      public boolean exists(String table) {
        return exists.computeIfAbsent(table, spark.catalog()::tableExists);
      }

      @Override
      public List<String> list(String namespace) {
        return lakehouseTables(namespace.substring(namespace.indexOf('.') + 1));
      }
    };
    for (String view : ServingViews.NAMES) {
      String name = settings.serveNamespace() + "." + view;
      String statement = ServingViews.createStatement(view, config, tables);
      if (statement.equals(published.get(name))) {
        continue;
      }
      try {
        spark.sql(statement);
        published.put(name, statement);
        waiting.remove(name);
        now.add(name);
      } catch (Exception e) {
        if (waiting.add(name)) {
          LOG.info("serving view {} waits for its tables: {}", name, analysisMessage(e));
        }
      }
    }
    if (!now.isEmpty()) {
      LOG.info("published in the session catalog: {}", now);
    }
    return now;
  }

  private List<String> lakehouseTables(String namespace) {
    try {
      return spark.sql("SHOW TABLES IN " + settings.catalog() + "." + namespace).collectAsList().stream()
          .map(r -> r.getString(r.fieldIndex("tableName"))).sorted().toList();
    } catch (NoSuchNamespaceException e) {
      return List.of(); // no job has written there yet
    } catch (Exception e) {
      analysisMessage(e);
      return List.of();
    }
  }

  /** Spark reports a missing table or namespace as an AnalysisException; anything else is a real failure. */
  private static String analysisMessage(Exception e) {
    if (e instanceof AnalysisException a) {
      return a.getSimpleMessage();
    }
    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }

  /** Names published so far (namespace.name). */
  public Set<String> published() {
    return Set.copyOf(published.keySet());
  }
}
