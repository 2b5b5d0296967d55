package io.olistlakehouse.spark;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.SparkHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    return submission(config, job, mode, extraArgs).command();
  }

  /**
   * What a spark-submit of the job is made of, also for launchers that build the command themselves (Airflow's
   * SparkSubmitOperator).
   */
  public static Submission submission(LakehouseConfig config, JobManifest job, String mode, List<String> extraArgs) {
    Path jar = config.getPath("submit.app.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("application jar not found: " + jar + "; build it with mvn -B package "
          + "-DskipTests (or run bin/lakehouse without LAKEHOUSE_NO_BUILD=1)");
    }
    List<String> args = new ArrayList<>(job.args(mode));
    args.addAll(extraArgs);
    return new Submission(SparkHome.of(config), config.get("spark.master"), job.appName(), job.mainClass(),
        config.get("submit.driver.memory"), driverOptions(config, jar), job.sparkConf(), jar,
        List.copyOf(args));
  }

  /** One spark-submit: Spark's home, master, application name, main class, driver settings, jar, arguments. */
  public record Submission(Path sparkHome, String master, String appName, String mainClass, String driverMemory,
      String driverJavaOptions, Map<String, String> conf, Path jar, List<String> args) {

    public List<String> command() {
      List<String> cmd = new ArrayList<>();
      cmd.add(sparkHome.resolve("bin/spark-submit").toString());
      cmd.addAll(List.of("--master", master, "--name", appName, "--class", mainClass, "--driver-memory",
          driverMemory, "--driver-java-options", driverJavaOptions));
      conf.forEach((key, value) -> cmd.addAll(List.of("--conf", key + "=" + value)));
      cmd.add(jar.toString());
      cmd.addAll(args);
      return cmd;
    }
  }

  /** The mode a job runs in when none is named: its manifest's first. */
  public static String defaultMode(JobManifest job) {
    return job.modes().keySet().stream().findFirst()
        .orElseThrow(() -> new IllegalArgumentException("job " + job.name() + " has no modes"));
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
