package io.olistlakehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakehouseConfigTest {

  @TempDir
  Path dir;

  private Path write(String content) throws Exception {
    Path file = dir.resolve("test.properties");
    Files.writeString(file, content);
    return file;
  }

  @Test
  void environmentOverridesAKeyAndEveryValueBuiltFromIt() throws Exception {
    Path file = write("lakehouse.host=127.0.0.1\ns3.port=9000\ns3.endpoint=http://${lakehouse.host}:${s3.port}\n");
    LakehouseConfig config = LakehouseConfig.load(file,
        Map.of("LAKEHOUSE_LAKEHOUSE_HOST", "minio.internal", "LAKEHOUSE_S3_PORT", "9100"), dir);
    assertEquals("http://minio.internal:9100", config.get("s3.endpoint"));
  }

  @Test
  void envNameUpperCasesAndReplacesDotsAndDashes() {
    assertEquals("LAKEHOUSE_KAFKA_NODE_1_PORT", LakehouseConfig.envName("kafka.node.1.port"));
    assertEquals("LAKEHOUSE_A_B_C", LakehouseConfig.envName("a.b-c"));
  }

  @Test
  void missingKeyNamesTheKeyAndItsVariable() throws Exception {
    LakehouseConfig config = LakehouseConfig.load(write("a=1\n"), Map.of(), dir);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.get("registry.url"));
    assertTrue(e.getMessage().contains("registry.url") && e.getMessage().contains("LAKEHOUSE_REGISTRY_URL"));
  }

  @Test
  void booleanIsTrueOrFalseAndAnythingElseNamesTheKey() throws Exception {
    LakehouseConfig config = LakehouseConfig.load(write("a=true\nb= False\nc=yes\n"), Map.of(), dir);
    assertTrue(config.getBoolean("a"));
    assertEquals(false, config.getBoolean("b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.getBoolean("c"));
    assertTrue(e.getMessage().contains("'c'") && e.getMessage().contains("yes"), e.getMessage());
  }

  @Test
  void undefinedReferenceAndCycleAreErrors() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> LakehouseConfig.load(write("a=${nope}\n"), Map.of(), dir));
    assertThrows(IllegalArgumentException.class, () -> LakehouseConfig.load(write("a=${b}\nb=${a}\n"), Map.of(), dir));
  }

  @Test
  void relativePathsResolveAgainstTheProjectHomeAndOverridesReResolve() throws Exception {
    LakehouseConfig config = LakehouseConfig.load(write("work.dir=var\nrun.dir=${work.dir}/run\n"), Map.of(), dir);
    assertEquals(dir.resolve("var/run"), config.getPath("run.dir"));
    LakehouseConfig moved = config.withOverrides(Map.of("work.dir", "/tmp/elsewhere"));
    assertEquals(Path.of("/tmp/elsewhere/run"), moved.getPath("run.dir"));
  }

  @Test
  void renderFillsTemplatesFromExtraThenConfigAndRejectsUnknownPlaceholders() throws Exception {
    LakehouseConfig config = LakehouseConfig.load(write("port=9092\n"), Map.of(), dir);
    assertEquals("listeners=x:9092 dir=/d", config.render("listeners=x:${port} dir=${data}", Map.of("data", "/d")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> config.render("a=${unknown.key}", Map.of()));
    assertTrue(e.getMessage().contains("unknown.key"));
  }

  @Test
  void writtenConfigurationLoadsBackIdentically() throws Exception {
    LakehouseConfig config = LakehouseConfig.load(write("a=1\nb=${a}-x\n"), Map.of(), dir);
    Path out = dir.resolve("run/resolved.properties");
    config.write(out);
    assertEquals(config.asMap(), LakehouseConfig.load(out, Map.of(), dir).asMap());
  }
}
