package io.olistlakehouse.platform.superset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Superset's secrets: configured ones win, generated ones are kept once, private to the owner. */
class SupersetSecretsTest {

  private static final Path HOME = Path.of(System.getProperty("lakehouse.home", ".")).toAbsolutePath();

  @TempDir
  Path work;

  private LakehouseConfig config(Map<String, String> env) {
    return LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"), env, HOME)
        .withOverrides(Map.of("work.dir", work.toString()));
  }

  @Test
  void generatedSecretsAreKeptOnceAndReadableByTheOwnerOnly() throws Exception {
    LakehouseConfig config = config(Map.of());
    assertFalse(Files.exists(SupersetSecrets.file(config)), "nothing is written before the first start");
    SupersetSecrets first = SupersetSecrets.ensure(config);
    SupersetSecrets again = SupersetSecrets.ensure(config);
    assertEquals(first, again, "a second start keeps the generated password and secret key");
    assertEquals(first, SupersetSecrets.current(config));
    assertTrue(first.adminPassword().length() >= 20 && first.secretKey().length() >= 40, first.toString());
    assertNotEquals(first.adminPassword(), first.secretKey());
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(SupersetSecrets.file(config))));
  }

  @Test
  void configuredSecretsWinAndAreNotWrittenDown() throws Exception {
    LakehouseConfig config = config(Map.of("LAKEHOUSE_SUPERSET_ADMIN_PASSWORD", "from-env",
        "LAKEHOUSE_SUPERSET_SECRET_KEY", "key-from-env"));
    SupersetSecrets secrets = SupersetSecrets.ensure(config);
    assertEquals("from-env", secrets.adminPassword());
    assertEquals("key-from-env", secrets.secretKey());
    assertFalse(Files.exists(SupersetSecrets.file(config)), "configured secrets are not copied to disk");
  }

  @Test
  void currentNeverWrites() {
    LakehouseConfig config = config(Map.of());
    SupersetSecrets.current(config);
    assertFalse(Files.exists(SupersetSecrets.file(config)), "status must not create secrets");
  }
}
