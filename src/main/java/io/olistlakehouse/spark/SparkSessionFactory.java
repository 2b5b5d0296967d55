package io.olistlakehouse.spark;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds every Spark session of the project from the one configuration: the Iceberg catalog {@code lakehouse}
 * (the default catalog, so {@code bronze.x} means {@code lakehouse.bronze.x}), loopback binding and quiet defaults.
 * Any {@code spark.*} key of the configuration is passed through, so tuning needs no code change.
 */
public final class SparkSessionFactory {

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

  private static SparkSession create(LakehouseConfig config, String appName, Map<String, String> jobConf,
      String jobPrefix) {
    String catalog = config.get("catalog.name");
    Path workDir = config.getPath("work.dir");
    SparkSession.Builder builder = SparkSession.builder()
        .appName(appName)
        .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config("spark.sql.catalog." + catalog, "org.apache.iceberg.spark.SparkCatalog")
        .config("spark.sql.defaultCatalog", catalog)
        // Spark binds to a non-loopback address unless told otherwise.
        .config("spark.driver.bindAddress", config.get("spark.driver.host"))
        // Keep Spark's own scratch files under the work directory, not the current directory.
        .config("spark.sql.warehouse.dir", workDir.resolve("spark-warehouse").toString())
        .config("spark.local.dir", workDir.resolve("spark-tmp").toString())
        .config("spark.metrics.namespace", appName);
    jobConf.forEach(builder::config);
    for (Map.Entry<String, String> e : IcebergCatalogs.properties(config).entrySet()) {
      builder.config("spark.sql.catalog." + catalog + "." + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : config.withPrefix("spark.").entrySet()) {
      builder.config("spark." + e.getKey(), e.getValue());
    }
    if (!jobPrefix.isEmpty()) {
      config.withPrefix(jobPrefix + "spark.").forEach((k, v) -> builder.config("spark." + k, v));
    }
    return builder.getOrCreate();
  }
}
