package io.olistlakehouse.platform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor with /bin/sh as its job: real processes, started and killed. */
class RestartingProcessTest {

  @TempDir
  Path dir;

  @Test
  void aKilledRunIsRestartedAndACleanExitEndsSupervision() throws Exception {
    Path log = dir.resolve("job.log");
    Path release = dir.resolve("release");
    // Runs until the release file appears, then exits 0.
    List<String> job = List.of("/bin/sh", "-c", "echo run; while [ ! -f " + release + " ]; do sleep 0.05; done");
    try (RestartingProcess process = RestartingProcess.start("job", job, Map.of(), log,
        RestartingProcess.Policy.ON_FAILURE, Duration.ofMillis(100), Duration.ofHours(1))) {
      // Killed once it has written its line: a kill before the shell's echo would leave nothing to compare.
      await(() -> process.running() && lines(log).size() == 1);
      assertTrue(process.kill9());
      await(() -> process.runs() == 2 && process.running());
      Files.createFile(release);
      await(process::finished);
      assertEquals(2, process.runs());
      assertFalse(process.kill9(), "nothing runs after a clean exit");
      assertEquals(List.of("run", "run"), Files.readAllLines(log), "both runs append to one log");
    }
  }

  @Test
  void underAlwaysASuccessfulRunIsFollowedByTheNextOne() throws Exception {
    try (RestartingProcess process = RestartingProcess.start("batch", List.of("/bin/sh", "-c", "exit 0"), Map.of(),
        dir.resolve("batch.log"), RestartingProcess.Policy.ALWAYS, Duration.ofHours(1), Duration.ofMillis(50))) {
      await(() -> process.runs() >= 3);
      assertFalse(process.finished());
    }
  }

  @Test
  void stopEndsTheRunAndRestartsNothing() throws Exception {
    try (RestartingProcess process = RestartingProcess.start("job", List.of("/bin/sh", "-c", "sleep 60"), Map.of(),
        dir.resolve("job.log"), RestartingProcess.Policy.ON_FAILURE, Duration.ofMillis(10), Duration.ofMillis(10))) {
      await(process::running);
      process.stop(Duration.ofSeconds(5));
      Thread.sleep(200);
      assertFalse(process.running());
      assertEquals(1, process.runs());
    }
  }

  private static List<String> lines(Path log) {
    try {
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not met within 20 s");
      Thread.sleep(20);
    }
  }
}
