package io.olistlakehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  @Test
  void aSecretOfTheExtendedFileIsDroppedForTheEnvironmentsValue() throws Exception {
    Files.writeString(dir.resolve("base.properties"), "db.password=development\n");
    Path profile = dir.resolve("profile.properties");
    Files.writeString(profile, "config.extends=base.properties\nconfig.secret.keys=db.password\n");
    assertThrows(IllegalArgumentException.class, () -> LakehouseConfig.load(profile, Map.of(), dir));
    assertEquals("s", LakehouseConfig.load(profile, Map.of("LAKEHOUSE_DB_PASSWORD", "s"), dir).get("db.password"));
  }

  @Test
  void aProfileRefinesTheFileItExtends() throws Exception {
    Files.writeString(dir.resolve("base.properties"), "host=h\nport=1\nurl=${host}:${port}\n");
    Path profile = dir.resolve("profile.properties");
    Files.writeString(profile, "config.extends=base.properties\nport=2\n");
    LakehouseConfig config = LakehouseConfig.load(profile, Map.of("LAKEHOUSE_HOST", "e"), dir);
    assertEquals("e:2", config.get("url"));
  }

  @Test
  void secretsComeFromTheEnvironmentOnlyAndAreNeverWritten() throws Exception {
    Path file = write("config.secret.keys=db.password\ndb.password=\ndb.url=jdbc:x\n");
    IllegalArgumentException unset = assertThrows(IllegalArgumentException.class,
        () -> LakehouseConfig.load(file, Map.of(), dir));
    assertTrue(unset.getMessage().contains("LAKEHOUSE_DB_PASSWORD"), unset.getMessage());
    Path inFile = dir.resolve("in-file.properties");
    Files.writeString(inFile, "config.secret.keys=db.password\ndb.password=hunter2\n");
    IllegalArgumentException written = assertThrows(IllegalArgumentException.class,
        () -> LakehouseConfig.load(inFile, Map.of("LAKEHOUSE_DB_PASSWORD", "s"), dir));
    assertTrue(written.getMessage().contains("is a secret"), written.getMessage());

    Map<String, String> env = Map.of("LAKEHOUSE_DB_PASSWORD", "s3cr3t");
    LakehouseConfig config = LakehouseConfig.load(file, env, dir);
    assertEquals("s3cr3t", config.get("db.password"));
    assertEquals(env, config.secretEnvironment());
    Path out = dir.resolve("run/resolved.properties");
    config.write(out);
    assertFalse(Files.readString(out).contains("s3cr3t"));
    assertEquals(config.asMap(), LakehouseConfig.load(out, env, dir).asMap());
  }

  @Test
  void renderLeavesKafkaConfigProviderVariablesAlone() throws Exception {
    LakehouseConfig config = LakehouseConfig.load(write("user=u\n"), Map.of(), dir);
    assertEquals("u ${env:PASSWORD}", config.render("${user} ${env:PASSWORD}", Map.of()));
  }
}
