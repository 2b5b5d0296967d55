package io.olistlakehouse.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code bin/lakehouse} script against the test platform, as a user would. */
public final class LakehouseLauncher {

  /** Exit code and standard output of one run; standard error is kept for failure messages. */
  public record Result(int exitCode, String stdout, String stderr) {}

  private LakehouseLauncher() {}

  public static Result run(PlatformFixture fixture, String... args) {
    return run(fixture, Map.of(), args);
  }

  /** Runs to completion with extra environment variables (LAKEHOUSE_* configuration overrides). */
  public static Result run(PlatformFixture fixture, Map<String, String> env, String... args) {
    ProcessBuilder pb = builder(fixture, env, args);
    try {
      Path err = java.nio.file.Files.createTempFile("lakehouse-cli", ".err");
      pb.redirectError(err.toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("bin/lakehouse " + String.join(" ", args) + " did not finish");
      }
      return new Result(p.exitValue(), out, java.nio.file.Files.readString(err));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run bin/lakehouse", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts {@code bin/lakehouse} without waiting (a long-running job, or one a test kills); standard output and error
   * are appended to {@code output}. The script execs java, so the returned process is the JVM itself.
   */
  public static Process start(PlatformFixture fixture, Map<String, String> env, Path output, String... args) {
    ProcessBuilder pb = builder(fixture, env, args).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    try {
      return pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start bin/lakehouse", e);
    }
  }

  private static ProcessBuilder builder(PlatformFixture fixture, Map<String, String> env, String... args) {
    Path home = fixture.config().home();
    List<String> cmd = new ArrayList<>();
    cmd.add(home.resolve("bin/lakehouse").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    pb.environment().put("LAKEHOUSE_CONFIG", fixture.configFile().toString());
    // The build has just run; the launcher must not start another Maven inside the test.
    pb.environment().put("LAKEHOUSE_NO_BUILD", "1");
    pb.environment().put("LAKEHOUSE_CLI_HEAP", "1g");
    pb.environment().putAll(env);
    return pb;
  }
}
