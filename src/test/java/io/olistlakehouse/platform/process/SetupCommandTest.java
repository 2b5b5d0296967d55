package io.olistlakehouse.platform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real /bin/sh commands: their output lands in the setup log, wherever that log's folder is. */
class SetupCommandTest {

  @TempDir
  Path dir;

  @Test
  void theLogsFolderIsCreatedOnAFreshMachine() throws Exception {
    Path log = dir.resolve("work/monitoring/setup.log");
    SetupCommand.run(List.of("/bin/sh", "-c", "echo installed"), Map.of(), dir, log, "installing");
    assertEquals("installed\n", Files.readString(log));
  }

  @Test
  void aFailureShowsTheLastLinesOfTheLog() {
    Path log = dir.resolve("fresh/setup.log");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> SetupCommand.run(
        List.of("/bin/sh", "-c", "echo no network; exit 3"), Map.of(), dir, log, "installing"));
    assertTrue(e.getMessage().contains("exit 3") && e.getMessage().contains("no network"), e.getMessage());
  }
}
