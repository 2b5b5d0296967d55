package io.olistlakehouse.speed;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.it.PlatformFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real {@code bin/lakehouse speed --once} process against the test platform, that a test can kill -9. */
final class SpeedProcess {

  /** How a run ended: finished (exit code) or killed after the given number of batch reports. */
  record Outcome(boolean killed, int exitCode, int batchesSeen, String stderrTail) {}

  private SpeedProcess() {}

  /**
   * Runs the job; when {@code killAfterBatches} > 0, sends SIGKILL right after that many batch reports (the report is
   * printed inside the batch, after its commits and before Spark records the batch as done: the worst moment).
   */
  static Outcome run(PlatformFixture fixture, Map<String, String> overrides, int killAfterBatches)
      throws IOException, InterruptedException {
    Path home = fixture.config().home();
    ProcessBuilder pb = new ProcessBuilder(List.of(home.resolve("bin/lakehouse").toString(), "speed", "--once"))
        .directory(home.toFile());
    pb.environment().put("LAKEHOUSE_CONFIG", fixture.configFile().toString());
    pb.environment().put("LAKEHOUSE_NO_BUILD", "1");
    pb.environment().put("LAKEHOUSE_CLI_HEAP", "1g");
    overrides.forEach((k, v) -> pb.environment().put(LakehouseConfig.envName(k), v));
    Path err = Files.createTempFile("speed-process", ".err");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    int batches = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("batch ")) {
          batches++;
          if (killAfterBatches > 0 && batches == killAfterBatches) {
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            p.waitFor(60, TimeUnit.SECONDS);
            return new Outcome(true, -1, batches, tail(err));
          }
        }
      }
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("bin/lakehouse speed --once did not finish");
    }
    return new Outcome(false, p.exitValue(), batches, tail(err));
  }

  private static String tail(Path err) throws IOException {
    String s = Files.readString(err);
    Files.deleteIfExists(err);
    return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
  }
}
