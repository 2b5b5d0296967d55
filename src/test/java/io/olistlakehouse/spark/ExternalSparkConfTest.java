package io.olistlakehouse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSparkConfTest {

  private static final Path HOME = Path.of(".").toAbsolutePath().normalize();
  private static final List<String> ARTIFACTS = List.of("iceberg-spark-runtime-3.5_2.12", "iceberg-aws-bundle", "h2");

  @TempDir
  Path dir;

  /** A classpath file as the build writes it, with look-alike jars around the three wanted ones. */
  private Path classpathFile() throws Exception {
    List<String> names = List.of("iceberg-aws-1.10.1.jar", "iceberg-spark-3.5_2.12-1.10.1.jar",
        "iceberg-spark-runtime-3.5_2.12-1.10.1.jar", "h2-2.2.224.jar", "iceberg-aws-bundle-1.10.1.jar",
        "h2o-3.0.jar");
    StringBuilder classpath = new StringBuilder();
    for (String name : names) {
      Path jar = Files.createFile(dir.resolve(name));
      classpath.append(classpath.length() == 0 ? "" : File.pathSeparator).append(jar);
    }
    return Files.writeString(dir.resolve("runtime-classpath.txt"), classpath + "\n");
  }

  private LakehouseConfig config(Map<String, String> env) throws Exception {
    LakehouseConfig config = LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"), env, HOME);
    return config.withOverrides(Map.of("external.spark.classpath.file", classpathFile().toString()));
  }

  @Test
  void settingsAreTheProjectSessionsCatalogPlusWhatAStockSparkLacks() throws Exception {
    LakehouseConfig config = config(Map.of("LAKEHOUSE_BATCH_GOLD_NAMESPACE", "gold_v2"));
    Map<String, String> settings = ExternalSparkConf.settings(config);

    SparkSessionFactory.catalogConf(config).forEach((k, v) -> assertEquals(v, settings.get(k), k));
    assertEquals("org.apache.iceberg.jdbc.JdbcCatalog", settings.get("spark.sql.catalog.lakehouse.catalog-impl"));
    assertEquals(config.get("catalog.password"), settings.get("spark.sql.catalog.lakehouse.jdbc.password"));
    assertEquals("lakehouse", settings.get("spark.sql.defaultCatalog"));
    assertEquals("UTC", settings.get("spark.sql.session.timeZone"));
    assertEquals("127.0.0.1", settings.get("spark.driver.host"));
    assertEquals("127.0.0.1", settings.get("spark.driver.bindAddress"));
    assertEquals("local[2]", settings.get("spark.master"));

    String javaOptions = settings.get("spark.driver.extraJavaOptions");
    assertTrue(javaOptions.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), javaOptions);
    assertFalse(javaOptions.contains("\n"), javaOptions);

    assertEquals(String.join(",", dir.resolve("iceberg-spark-runtime-3.5_2.12-1.10.1.jar").toString(),
        dir.resolve("iceberg-aws-bundle-1.10.1.jar").toString(), dir.resolve("h2-2.2.224.jar").toString()),
        settings.get("spark.jars"));

    assertEquals("gold_v2", settings.get("lakehouse.batch.gold.namespace"), "environment overrides apply");
    assertEquals("lakehouse", settings.get("lakehouse.catalog.name"));
    settings.keySet().forEach(k -> assertTrue(k.startsWith("spark.") || k.startsWith("lakehouse."), k));
  }

  @Test
  void missingClasspathFileOrJarsFailNamingWhatIsMissing() throws Exception {
    IllegalStateException noFile = assertThrows(IllegalStateException.class,
        () -> ExternalSparkConf.jars(dir.resolve("absent.txt"), ARTIFACTS));
    assertTrue(noFile.getMessage().contains("build the project first"), noFile.getMessage());

    Path classpath = classpathFile();
    Files.delete(dir.resolve("h2-2.2.224.jar"));
    IllegalStateException gone = assertThrows(IllegalStateException.class,
        () -> ExternalSparkConf.jars(classpath, List.of("h2", "iceberg-kafka-connect")));
    assertTrue(gone.getMessage().contains("h2 (") && gone.getMessage().contains("does not exist"), gone.getMessage());
    assertTrue(gone.getMessage().contains("iceberg-kafka-connect (not on the classpath)"), gone.getMessage());
  }

  @Test
  void jvmOptionsAreTheLauncherFileWithoutBlankOrCommentLines() throws Exception {
    Path file = Files.writeString(dir.resolve("jvm.txt"), "# flags\n-Da=1\n\n  --add-opens=x=y  \n");
    assertEquals(List.of("-Da=1", "--add-opens=x=y"), ExternalSparkConf.jvmOptions(file));
  }
}
