package io.olistlakehouse.platform.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts platform processes detached from the CLI (they outlive it), and finds them again through pid files:
 * {@code <work>/run/<name>.pid} and {@code <work>/logs/<name>.log}.
 */
public final class ProcessSupervisor {

  private final Path runDir;
  private final Path logDir;
  private final String host;
  private final Map<String, String> environment;

  public ProcessSupervisor(Path workDir, String host) {
    this(workDir, host, Map.of());
  }

  /** {@code environment}: variables every process gets (the configuration's secrets, which no file holds). */
  public ProcessSupervisor(Path workDir, String host, Map<String, String> environment) {
    this.runDir = workDir.resolve("run");
    this.logDir = workDir.resolve("logs");
    this.host = host;
    this.environment = Map.copyOf(environment);
  }

  public Path logFile(String name) {
    return logDir.resolve(name + ".log");
  }

  private Path pidFile(String name) {
    return runDir.resolve(name + ".pid");
  }

  /** The live process recorded in the pid file, if any (a stale pid file is ignored). */
  public Optional<ProcessHandle> running(String name) {
    Path pidFile = pidFile(name);
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Starts the process unless it already runs; its output is appended to its log file. */
  public ProcessHandle start(ProcessSpec spec) {
    Optional<ProcessHandle> existing = running(spec.name());
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      Files.createDirectories(runDir);
      Files.createDirectories(logDir);
      Files.createDirectories(spec.workingDir());
      ProcessBuilder pb = new ProcessBuilder(spec.command())
          .directory(spec.workingDir().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(spec.name()).toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      pb.environment().putAll(environment);
      pb.environment().putAll(spec.environment());
      Process process = pb.start();
      Files.writeString(pidFile(spec.name()), Long.toString(process.pid()), StandardCharsets.UTF_8);
      return process.toHandle();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Asks the process to stop (SIGTERM) and waits; after the grace period it is killed. Returns once it is gone.
   */
  public void stop(String name, Duration grace) {
    running(name).ifPresent(handle -> {
      handle.destroy();
      try {
        handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception timeoutOrInterrupt) {
        handle.destroyForcibly();
        handle.onExit().join();
      }
    });
    try {
      Files.deleteIfExists(pidFile(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** kill -9, as a crash would: used by failure tests and by nothing else. */
  public void kill(String name) {
    running(name).ifPresent(handle -> {
      handle.destroyForcibly();
      handle.onExit().join();
    });
  }

  public ProcessStatus status(ProcessSpec spec) {
    Optional<ProcessHandle> handle = running(spec.name());
    if (handle.isEmpty()) {
      return new ProcessStatus(spec.name(), ProcessStatus.State.STOPPED, -1, spec.port(), -1);
    }
    long pid = handle.get().pid();
    ProcessStatus.State state = !spec.listens() || Ports.accepting(host, spec.port())
        ? ProcessStatus.State.HEALTHY : ProcessStatus.State.UNHEALTHY;
    return new ProcessStatus(spec.name(), state, pid, spec.port(), rssKb(pid));
  }

  /** Resident set size from /proc (Linux); -1 where unavailable. */
  public static long rssKb(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** The last lines of a process's log, for error messages when it fails to start. */
  public String logTail(String name, int lines) {
    Path log = logFile(name);
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }
}
