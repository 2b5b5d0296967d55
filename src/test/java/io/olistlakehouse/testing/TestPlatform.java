package io.olistlakehouse.testing;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One real platform for all integration tests of a test JVM: the processes `bin/lakehouse up` starts, on free ports
 * and in a fresh work directory under target/ (one per failsafe fork), so it can run beside a developer's own platform
 * and another fork's. Stopped when the JVM exits.
 */
public final class TestPlatform {

  private static TestPlatform shared;
  private static final List<FileLock> WORK_DIR_LOCKS = new ArrayList<>();

  private final Platform platform;
  private final Duration startup;

  /** {@code profile}: the configuration file; {@code env}: the environment it is loaded with (its secrets). */
  private TestPlatform(String profile, Map<String, String> env) {
    Path home = Path.of(System.getProperty(LakehouseConfig.HOME_PROPERTY, ".")).toAbsolutePath().normalize();
    Path work = claimWorkDir(home);
    stopLeftovers(work, home, env);
    deleteRecursively(work);
    LakehouseConfig base = LakehouseConfig.load(home.resolve(profile), env, home);
    Map<String, String> overrides = new HashMap<>();
    overrides.put("work.dir", work.toString());
    for (String key : base.asMap().keySet()) {
      if (key.endsWith(".port")) {
        overrides.put(key, Integer.toString(Ports.ephemeral()));
      }
    }
    this.platform = new Platform(base.withOverrides(overrides));
    Runtime.getRuntime().addShutdownHook(new Thread(platform::down, "platform-down"));
    this.startup = platform.up();
  }

  public static synchronized TestPlatform shared() {
    if (shared == null) {
      shared = new TestPlatform("configs/lakehouse.properties", Map.of());
    }
    return shared;
  }

  /**
   * A platform of the test's own under the secure profile (configs/profiles/secure.properties), whose secrets are
   * {@code secrets} (LAKEHOUSE_* variables); stop it with {@link #down()}.
   */
  public static synchronized TestPlatform secured(Map<String, String> secrets) {
    return new TestPlatform("configs/profiles/secure.properties", secrets);
  }

  public void down() {
    platform.down();
  }

  public LakehouseConfig config() {
    return platform.config();
  }

  public Platform platform() {
    return platform;
  }

  /** The resolved configuration file, for processes (the CLI, child JVMs) started by tests. */
  public Path configFile() {
    return platform.configFile();
  }

  public Duration startup() {
    return startup;
  }

  /**
   * The first {@code target/it-work-N} no other test JVM holds: each failsafe fork gets a platform and a directory of
   * its own. Held by a file lock until this JVM exits, whatever way it ends.
   */
  private static Path claimWorkDir(Path home) {
    try {
      Files.createDirectories(home.resolve("target"));
      for (int n = 1; ; n++) {
        FileChannel channel = FileChannel.open(home.resolve("target/it-work-" + n + ".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock != null) {
          WORK_DIR_LOCKS.add(lock);
          return home.resolve("target/it-work-" + n);
        }
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot claim a work directory under target/", e);
    }
  }

  /** Null when another JVM, or another platform of this one, holds the directory. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /** An aborted earlier run may have left its processes running: stop them before reusing the directory. */
  private static void stopLeftovers(Path work, Path home, Map<String, String> env) {
    Path previous = work.resolve("run/lakehouse.properties");
    if (Files.isRegularFile(previous)) {
      new Platform(LakehouseConfig.load(previous, env, home)).down();
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
