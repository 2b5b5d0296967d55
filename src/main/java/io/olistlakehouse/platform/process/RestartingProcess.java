package io.olistlakehouse.platform.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A job kept running the way the units under {@code infra/systemd/} keep it: started, and started again after a
 * restart delay whenever it dies of a signal or a non-zero exit. A clean exit ends it ({@link Policy#ON_FAILURE},
 * a replay that finished), or is followed by the next run ({@link Policy#ALWAYS}, a batch run on a timer). All runs
 * append to one log file, so a reader finds each run's progress after the offset where it began.
 */
public final class RestartingProcess implements AutoCloseable {

  /** When a run that exited is started again. */
  public enum Policy { ON_FAILURE, ALWAYS }

  private final String name;
  private final ProcessBuilder builder;
  private final Path log;
  private final Policy policy;
  private final Duration restartDelay;
  private final Duration rerunInterval;
  private final Thread loop;
  private volatile Process current;
  private volatile boolean stopping;
  private volatile int runs;
  private volatile int failures;
  private volatile Integer cleanExit;

  private RestartingProcess(String name, List<String> command, Map<String, String> environment, Path log,
      Policy policy, Duration restartDelay, Duration rerunInterval) {
    this.name = name;
    this.log = log;
    this.policy = policy;
    this.restartDelay = restartDelay;
    this.rerunInterval = rerunInterval;
    this.builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(environment);
    this.loop = new Thread(this::superviseLoop, "supervise-" + name);
    loop.setDaemon(true);
  }

  /**
   * Starts the first run and supervises it on a thread of its own. A run that fails is followed by the next after
   * {@code restartDelay}; under {@link Policy#ALWAYS} a run that succeeded, after {@code rerunInterval}.
   */
  public static RestartingProcess start(String name, List<String> command, Map<String, String> environment,
      Path log, Policy policy, Duration restartDelay, Duration rerunInterval) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RestartingProcess process = new RestartingProcess(name, command, environment, log, policy, restartDelay,
        rerunInterval);
    process.launch();
    process.loop.start();
    return process;
  }

  private void launch() {
    try {
      current = builder.start();
      runs++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  private void superviseLoop() {
    while (true) {
      int exit = waitUninterruptibly(current);
      if (stopping) {
        return;
      }
      if (exit != 0) {
        failures++;
      }
      if (exit == 0 && policy == Policy.ON_FAILURE) {
        cleanExit = 0;
        return;
      }
      sleep(exit == 0 ? rerunInterval : restartDelay);
      if (stopping) {
        return;
      }
      launch();
    }
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  /** How many times it was started, the first run included. */
  public int runs() {
    return runs;
  }

  /** The current run's process while it is alive, to sample its memory. */
  public Optional<ProcessHandle> handle() {
    Process process = current;
    return process != null && process.isAlive() ? Optional.of(process.toHandle()) : Optional.empty();
  }

  /** Whether a run is alive right now (not between two runs). */
  public boolean running() {
    Process process = current;
    return process != null && process.isAlive();
  }

  /** How many runs died of a signal or a non-zero exit (a stop excluded): each was followed by a restart. */
  public int failures() {
    return failures;
  }

  /** True once a run ended cleanly under {@link Policy#ON_FAILURE}: nothing more will start. */
  public boolean finished() {
    return cleanExit != null;
  }

  /** kill -9 of the current run, as a crash: the supervisor starts the next one. False when none was running. */
  public boolean kill9() {
    Process process = current;
    if (process == null || !process.isAlive()) {
      return false;
    }
    process.destroyForcibly();
    waitUninterruptibly(process);
    return true;
  }

  /** From now on nothing is restarted; the current run goes on. */
  public void stopRestarting() {
    stopping = true;
  }

  /** SIGTERM to the current run, then kill -9 after the grace period; nothing is restarted. */
  public void stop(Duration grace) {
    stopping = true;
    Process process = current;
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          waitUninterruptibly(process);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    loop.interrupt();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  private static int waitUninterruptibly(Process process) {
    while (true) {
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        if (!process.isAlive()) {
          return process.exitValue();
        }
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
