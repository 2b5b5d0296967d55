package io.olistlakehouse.platform.process;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for the JVMs the platform starts: same Java, the project's classpath, the resolved config. */
public final class JavaCommand {

  /** System property that names the classpath for child JVMs; the build writes it to target/ otherwise. */
  public static final String CLASSPATH_PROPERTY = "lakehouse.classpath";

  private JavaCommand() {}

  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The project's runtime classpath: target/classes plus what Maven resolved (target/runtime-classpath.txt), so
   * that child JVMs see the same versions as the CLI; falls back to this JVM's own classpath.
   */
  public static String projectClasspath(Path home) {
    String explicit = System.getProperty(CLASSPATH_PROPERTY);
    if (explicit != null) {
      return explicit;
    }
    Path resolved = home.resolve("target/runtime-classpath.txt");
    if (Files.isRegularFile(resolved)) {
      try {
        return home.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(resolved).trim();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return System.getProperty("java.class.path");
  }

  /** A JVM running {@code mainClass} of this project with the given heap and the resolved configuration file. */
  public static List<String> forMain(
      LakehouseConfig config, Path configFile, String heap, String mainClass, List<String> args) {
    return forMain(config, configFile, heap, List.of(), mainClass, args);
  }

  /** The same, with further JVM options (a java agent). */
  public static List<String> forMain(LakehouseConfig config, Path configFile, String heap, List<String> jvmOptions,
      String mainClass, List<String> args) {
    List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseSerialGC"));
    options.addAll(jvmOptions);
    return command(config, configFile, options, mainClass, args);
  }

  /**
   * A JVM running Spark in {@code mainClass}: the flags Spark needs on Java 17 (the file named by
   * {@code platform.spark.jvm.options.file}) and the JVM's default collector, which suits a long-lived server.
   */
  public static List<String> forSparkMain(
      LakehouseConfig config, Path configFile, String heap, String mainClass, List<String> args) {
    return forSparkMain(config, configFile, heap, List.of(), mainClass, args);
  }

  /** The same, with further JVM options (a java agent). */
  public static List<String> forSparkMain(LakehouseConfig config, Path configFile, String heap,
      List<String> jvmOptions, String mainClass, List<String> args) {
    List<String> options = new ArrayList<>(
        List.of("@" + config.getPath("platform.spark.jvm.options.file"), "-Xmx" + heap));
    options.addAll(jvmOptions);
    return command(config, configFile, options, mainClass, args);
  }

  private static List<String> command(LakehouseConfig config, Path configFile, List<String> jvmOptions,
      String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable());
    cmd.addAll(jvmOptions);
    cmd.add("-D" + LakehouseConfig.HOME_PROPERTY + "=" + config.home());
    cmd.add("-D" + LakehouseConfig.CONFIG_FILE_PROPERTY + "=" + configFile);
    cmd.add("-Dlog4j2.configurationFile=" + config.getPath("platform.log4j2.config"));
    cmd.add("-cp");
    cmd.add(projectClasspath(config.home()));
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }
}
