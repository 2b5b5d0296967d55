package io.olistlakehouse.spark;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds every Spark session of the project from the one configuration: the Iceberg catalog {@code lakehouse}
 * (the default catalog, so {@code bronze.x} means {@code lakehouse.bronze.x}), loopback binding and quiet defaults.
 * Any {@code spark.*} key of the configuration is passed through, so tuning needs no code change. Spark processes the
 * project does not start (a notebook, an analyst's pyspark) get the same catalog settings from
 * {@link #catalogConf(LakehouseConfig)} through {@code bin/lakehouse spark-conf}.
 */
public final class SparkSessionFactory {

  /** Iceberg's SQL extensions: CALL procedures, ALTER TABLE ... WRITE ORDERED BY, branches and tags. */
  public static final String ICEBERG_EXTENSIONS = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";

  private SparkSessionFactory() {}

  public static SparkSession create(LakehouseConfig config, String appName) {
    return create(config, appName, Map.of(), "");
  }

  /**
   * The session of a job described by a manifest: its fixed Spark settings first, then the configuration's
   * {@code spark.*}, then the job's own {@code <config prefix>spark.*} tuning keys, so configuration always wins.
   */
  public static SparkSession create(LakehouseConfig config, JobManifest job) {
    return create(config, job.appName(), job.sparkConf(), job.configPrefix());
  }

  /**
   * The settings that make a Spark session use the lakehouse: Iceberg's SQL extensions, the catalog
   * {@code spark.sql.catalog.<catalog.name>} with every property of {@link IcebergCatalogs#properties} (the same ones
   * plain Java clients use), and that catalog as the default. The one list, for the project's sessions and for
   * external ones ({@code bin/lakehouse spark-conf}).
   */
  public static Map<String, String> catalogConf(LakehouseConfig config) {
    String catalog = config.get("catalog.name");
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.extensions", ICEBERG_EXTENSIONS);
    conf.put("spark.sql.catalog." + catalog, "org.apache.iceberg.spark.SparkCatalog");
    IcebergCatalogs.properties(config).forEach((k, v) -> conf.put("spark.sql.catalog." + catalog + "." + k, v));
    conf.put("spark.sql.defaultCatalog", catalog);
    return conf;
  }

  /**
   * The configuration's own {@code spark.*} keys (master, driver host, shuffle partitions, ...) as Spark settings,
   * plus the bind address: Spark binds to a non-loopback address unless told otherwise.
   */
  public static Map<String, String> configuredConf(LakehouseConfig config) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.driver.bindAddress", config.get("spark.driver.host"));
    config.withPrefix("spark.").forEach((k, v) -> conf.put("spark." + k, v));
    return conf;
  }

  private static SparkSession create(LakehouseConfig config, String appName, Map<String, String> jobConf,
      String jobPrefix) {
    Path workDir = config.getPath("work.dir");
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    catalogConf(config).forEach(builder::config);
    builder
        // Keep Spark's own scratch files under the work directory, not the current directory.
        .config("spark.sql.warehouse.dir", workDir.resolve("spark-warehouse").toString())
        .config("spark.local.dir", workDir.resolve("spark-tmp").toString())
        .config("spark.metrics.namespace", appName);
    jobConf.forEach(builder::config);
    configuredConf(config).forEach(builder::config);
    if (!jobPrefix.isEmpty()) {
      config.withPrefix(jobPrefix + "spark.").forEach((k, v) -> builder.config("spark." + k, v));
    }
    return builder.getOrCreate();
  }
}
