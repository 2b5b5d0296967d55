package io.olistlakehouse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.SparkHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSubmitTest {

  private static final Path HOME = Path.of(".").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  private JobManifest manifest() throws Exception {
    return JobManifest.parse("silver_product", new ObjectMapper().readTree("""
        {"main_class": "io.olistlakehouse.batch.BatchMain", "app_name": "lakehouse-silver-product",
         "modes": {"incremental": ["--only", "silver.product"], "full": ["--only", "silver.product", "--full"]},
         "spark_conf": {"spark.sql.session.timeZone": "UTC"}}"""));
  }

  /** A venv holding an executable pyspark/bin/spark-submit, as pip lays it out. */
  private Path venv() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("venv/lib/python3.11/site-packages/pyspark/bin"));
    if (!Files.exists(bin.resolve("spark-submit"))) {
      Files.createFile(bin.resolve("spark-submit"), PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwxr-xr-x")));
    }
    return dir.resolve("venv");
  }

  private LakehouseConfig config(Map<String, String> overrides) throws Exception {
    Path jar = dir.resolve("app.jar");
    if (!Files.exists(jar)) {
      Files.createFile(jar);
    }
    return LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"), Map.of(), HOME)
        .withOverrides(Map.of("submit.app.jar", jar.toString(), "submit.spark.venv", venv().toString()))
        .withOverrides(overrides);
  }

  @Test
  void theCommandRunsTheManifestsMainClassWithTheArgumentsOfTheMode() throws Exception {
    LakehouseConfig config = config(Map.of());
    List<String> cmd = SparkSubmit.command(config, manifest(), "full", List.of("--extra"));
    assertEquals(dir.resolve("venv/lib/python3.11/site-packages/pyspark/bin/spark-submit").toString(), cmd.get(0));
    assertEquals(List.of("--master", config.get("spark.master"), "--name", "lakehouse-silver-product", "--class",
        "io.olistlakehouse.batch.BatchMain", "--driver-memory", config.get("submit.driver.memory"),
        "--driver-java-options"), cmd.subList(1, 10));
    String driverOptions = cmd.get(10);
    assertTrue(driverOptions.contains("--add-opens=java.base/java.lang=ALL-UNNAMED"), driverOptions);
    assertTrue(driverOptions.contains("-Dlakehouse.home=" + HOME), driverOptions);
    assertTrue(driverOptions.contains("-Dlog4j2.configurationFile=jar:" + dir.resolve("app.jar").toUri()
        + "!/log4j2.properties"), driverOptions);
    assertEquals(List.of("--conf", "spark.sql.session.timeZone=UTC", dir.resolve("app.jar").toString(), "--only",
        "silver.product", "--full", "--extra"), cmd.subList(11, cmd.size()));
    assertEquals("incremental", SparkSubmit.defaultMode(manifest()));
  }

  @Test
  void aConfiguredSparkHomeWinsOverTheVenv() throws Exception {
    LakehouseConfig config = config(Map.of("submit.spark.home", "/opt/spark-3.5.1"));
    assertEquals("/opt/spark-3.5.1/bin/spark-submit", SparkSubmit.command(config, manifest(), "incremental",
        List.of()).get(0));
  }

  @Test
  void whatIsMissingIsNamed() throws Exception {
    LakehouseConfig noPyspark = config(Map.of("submit.spark.venv", dir.resolve("empty").toString()));
    assertTrue(assertThrows(IllegalStateException.class, () -> SparkHome.of(noPyspark)).getMessage()
        .contains("bin/setup-python notebooks"));
    LakehouseConfig noJar = config(Map.of("submit.app.jar", dir.resolve("missing.jar").toString()));
    assertTrue(assertThrows(IllegalStateException.class, () -> SparkSubmit.command(noJar, manifest(), "full",
        List.of())).getMessage().contains("mvn -B package"));
    LakehouseConfig config = config(Map.of());
    assertThrows(IllegalArgumentException.class, () -> SparkSubmit.command(config, manifest(), "hourly", List.of()));
  }
}
