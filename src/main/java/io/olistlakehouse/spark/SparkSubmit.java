package io.olistlakehouse.spark;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A job of {@code jobs/} as a stock {@code spark-submit} of the application jar: the manifest gives the main class,
 * the application name, the arguments of a mode and the job's fixed Spark settings; the configuration gives the
 * master, the driver's memory and the JVM flags Spark needs on Java 17. Everything else the job reads from the
 * configuration itself, as it does in-process (the child inherits {@code LAKEHOUSE_*} variables; its
 * {@code lakehouse.home} and {@code lakehouse.config} are passed on).
 */
public final class SparkSubmit {

  private SparkSubmit() {}

  public static List<String> command(LakehouseConfig config, JobManifest job, String mode, List<String> extraArgs) {
    Path jar = config.getPath("submit.app.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("application jar not found: " + jar + "; build it with mvn -B package "
          + "-DskipTests (or run bin/lakehouse without LAKEHOUSE_NO_BUILD=1)");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(sparkHome(config).resolve("bin/spark-submit").toString());
    cmd.addAll(List.of("--master", config.get("spark.master"), "--name", job.appName(), "--class", job.mainClass(),
        "--driver-memory", config.get("submit.driver.memory"), "--driver-java-options", driverOptions(config, jar)));
    job.sparkConf().forEach((key, value) -> cmd.addAll(List.of("--conf", key + "=" + value)));
    cmd.add(jar.toString());
    cmd.addAll(job.args(mode));
    cmd.addAll(extraArgs);
    return cmd;
  }

  /** The mode a job runs in when none is named: its manifest's first. */
  public static String defaultMode(JobManifest job) {
    return job.modes().keySet().stream().findFirst()
        .orElseThrow(() -> new IllegalArgumentException("job " + job.name() + " has no modes"));
  }

  /** {@code submit.spark.home}, or the pyspark package of {@code submit.spark.venv}. */
  public static Path sparkHome(LakehouseConfig config) {
    String configured = config.get("submit.spark.home");
    if (!configured.isEmpty()) {
      return config.getPath("submit.spark.home");
    }
    Path venv = config.getPath("submit.spark.venv");
    return pysparkIn(venv).orElseThrow(() -> new IllegalStateException("no pyspark in " + venv + "; install it "
        + "with bin/setup-python notebooks, or set submit.spark.home to a Spark 3.5.1"));
  }

  static Optional<Path> pysparkIn(Path venv) {
    Path lib = venv.resolve("lib");
    if (!Files.isDirectory(lib)) {
      return Optional.empty();
    }
    try (Stream<Path> pythons = Files.list(lib)) {
      return pythons.map(p -> p.resolve("site-packages/pyspark"))
          .filter(p -> Files.isExecutable(p.resolve("bin/spark-submit"))).sorted().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for pyspark in " + venv, e);
    }
  }

  /**
   * The JVM flags for Java 17, the jar's own log settings (warnings only; Spark's defaults log every query plan at
   * INFO), and where the configuration is.
   */
  private static String driverOptions(LakehouseConfig config, Path jar) {
    List<String> options = new ArrayList<>(ExternalSparkConf.jvmOptions(
        config.getPath("platform.spark.jvm.options.file")));
    options.add("-Dlog4j2.configurationFile=jar:" + jar.toUri() + "!/log4j2.properties");
    options.add("-D" + LakehouseConfig.HOME_PROPERTY + "=" + config.home());
    String file = System.getProperty(LakehouseConfig.CONFIG_FILE_PROPERTY);
    if (file != null) {
      options.add("-D" + LakehouseConfig.CONFIG_FILE_PROPERTY + "=" + Path.of(file).toAbsolutePath());
    }
    return String.join(" ", options);
  }
}
