package io.olistlakehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code bin/lakehouse} script against the test platform, as a user would. */
public final class TestLauncher {

  /** Exit code and standard output of one run; standard error is kept for failure messages. */
  public record Result(int exitCode, String stdout, String stderr) {}

  private TestLauncher() {}

  public static Result run(TestPlatform fixture, String... args) {
    return run(fixture, Map.of(), args);
  }

  /** A run with extra environment variables (LAKEHOUSE_* overrides, for one). */
  public static Result run(TestPlatform fixture, Map<String, String> env, String... args) {
    Running running = start(fixture, env, args);
    return running.await(Duration.ofMinutes(5));
  }

  /** Starts the launcher and returns at once; the test can watch its output, wait for it or kill it. */
  public static Running start(TestPlatform fixture, Map<String, String> env, String... args) {
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
    try {
      Path out = Files.createTempFile("lakehouse-cli", ".out");
      Path err = Files.createTempFile("lakehouse-cli", ".err");
      pb.redirectOutput(out.toFile());
      pb.redirectError(err.toFile());
      return new Running(pb.start(), out, err, String.join(" ", args));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run bin/lakehouse", e);
    }
  }

  /** A launcher process in flight. bin/lakehouse execs the JVM, so the process is the CLI JVM itself. */
  public static final class Running {

    private final Process process;
    private final Path out;
    private final Path err;
    private final String args;

    private Running(Process process, Path out, Path err, String args) {
      this.process = process;
      this.out = out;
      this.err = err;
      this.args = args;
    }

    public boolean alive() {
      return process.isAlive();
    }

    public String stdout() {
      return read(out);
    }

    public String stderr() {
      return read(err);
    }

    /** SIGTERM, as a service manager stops a job: shutdown hooks run. */
    public void terminate() {
      process.destroy();
    }

    /** SIGKILL, as kill -9: no shutdown hook, no flush, no clean close. */
    public void kill9() {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    public Result await(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("bin/lakehouse " + args + " did not finish within " + timeout
              + "; stderr: " + stderr());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return new Result(process.exitValue(), stdout(), stderr());
    }

    private static String read(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
