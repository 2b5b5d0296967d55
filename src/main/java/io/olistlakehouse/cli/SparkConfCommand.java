package io.olistlakehouse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.ExternalSparkConf;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "spark-conf", mixinStandardHelpOptions = true,
    description = {
        "Print the Spark settings an external Spark 3.5.1 (pyspark, a notebook, spark-submit --properties-file) "
            + "needs to open the lakehouse catalog as the project's own sessions do: Iceberg's SQL extensions, the "
            + "catalog and its properties, the default catalog, UTC, the loopback driver, the JVM flags for Java 17 "
            + "and spark.jars (local jars of the last build). Keys lakehouse.* are not Spark's (catalog name, "
            + "namespaces): drop them before building a session.",
        "The output includes the catalog database and S3 credentials of the configuration in use (the local "
            + "profile's by default): do not paste it anywhere public."})
final class SparkConfCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print one JSON object instead of key=value lines.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Map<String, String> settings = ExternalSparkConf.settings(LakehouseConfig.load());
    System.out.println(json ? new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(settings)
        : toLines(settings));
    return 0;
  }

  /** One key=value line per setting, loadable as a Java properties file (spark-submit --properties-file). */
  static String toLines(Map<String, String> settings) {
    return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
  }
}
