package io.olistlakehouse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.config.LakehouseConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobManifestTest {

  private static final Path HOME = Path.of(".").toAbsolutePath().normalize();

  @Test
  void theIngestManifestNamesAClassThatExists() throws Exception {
    LakehouseConfig config = LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"), Map.of(), HOME);
    JobManifest job = JobManifest.load(config, "bronze_ingest");
    assertEquals("lakehouse-bronze-ingest", job.appName());
    assertEquals("ingest.", job.configPrefix());
    assertEquals(List.of("--once"), job.args("once"));
    assertEquals(List.of(), job.args("continuous"));
    Class.forName(job.mainClass()).getMethod("main", String[].class);
  }

  @Test
  void theMaintenanceManifestRunsItsMainWithTheStepsOfEachMode() throws Exception {
    LakehouseConfig config = LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"), Map.of(), HOME);
    JobManifest job = JobManifest.load(config, "maintenance");
    assertEquals("maintain.", job.configPrefix());
    assertEquals(List.of(), job.args("all"));
    assertEquals(List.of("--steps", "rewrite-data-files,rewrite-manifests"), job.args("compact"));
    Class.forName(job.mainClass()).getMethod("main", String[].class);
  }

  @Test
  void incompleteManifestsAndUnknownModesAreRefused() throws Exception {
    var json = new ObjectMapper().readTree("{\"app_name\":\"x\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobManifest.parse("x", json));
    assertTrue(e.getMessage().contains("main_class"), e.getMessage());
    JobManifest job = JobManifest.parse("x", new ObjectMapper().readTree(
        "{\"main_class\":\"a.B\",\"app_name\":\"x\",\"modes\":{\"once\":[\"--once\"]}}"));
    assertThrows(IllegalArgumentException.class, () -> job.args("daily"));
  }
}
