package io.olistlakehouse.spark;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a Spark the project does not start (a stock Spark 3.5.1: pyspark in a notebook, spark-shell, spark-submit)
 * needs to open the lakehouse like the project's own sessions: {@link SparkSessionFactory#catalogConf}, a UTC session,
 * the configuration's {@code spark.*} keys (loopback driver, master), the JVM flags Spark needs on Java 17, and as
 * {@code spark.jars} the local paths of the jars stock Spark lacks (Iceberg's runtime, its AWS bundle for S3FileIO,
 * the catalog database's JDBC driver), found by artifact name in the classpath file the build writes. A few
 * {@code lakehouse.*} keys, which Spark ignores, tell a notebook where the tables are.
 */
public final class ExternalSparkConf {

  /** Prefix of the settings that are not Spark's; a client drops them before building its session. */
  public static final String EXTRA_PREFIX = "lakehouse.";
  /** Configuration keys a notebook needs besides Spark's, printed as {@code lakehouse.<key>}. */
  static final List<String> EXTRA_KEYS = List.of("catalog.name", "batch.bronze.namespace",
      "batch.silver.namespace", "batch.gold.namespace", "speed.namespace");

  private ExternalSparkConf() {}

  public static Map<String, String> settings(LakehouseConfig config) {
    Map<String, String> conf = new LinkedHashMap<>(SparkSessionFactory.catalogConf(config));
    conf.put("spark.sql.session.timeZone", "UTC");
    conf.putAll(SparkSessionFactory.configuredConf(config));
    conf.put("spark.driver.extraJavaOptions", String.join(" ",
        jvmOptions(config.getPath("external.spark.jvm.options.file"))));
    conf.put("spark.jars", jars(config.getPath("external.spark.classpath.file"),
        config.getList("external.spark.jar.artifacts")).stream().map(Path::toString).collect(Collectors.joining(",")));
    for (String key : EXTRA_KEYS) {
      conf.put(EXTRA_PREFIX + key, config.get(key));
    }
    return conf;
  }

  /** The flags of a JVM options file (one per line, as {@code java @file} reads it; blank and # lines skipped). */
  static List<String> jvmOptions(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("JVM options file not found: " + file);
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * For each artifact, the jar of the classpath file whose name is {@code <artifact>-<version>.jar}; fails naming
   * what is missing (the file itself before a build, an artifact the build no longer resolves, a deleted jar).
   */
  static List<Path> jars(Path classpathFile, List<String> artifacts) {
    if (!Files.isRegularFile(classpathFile)) {
      throw new IllegalStateException(classpathFile + " not found: build the project first (mvn -B package "
          + "-DskipTests, or run bin/lakehouse without LAKEHOUSE_NO_BUILD=1)");
    }
    List<Path> classpath;
    try {
      classpath = Arrays.stream(Files.readString(classpathFile, StandardCharsets.UTF_8).strip()
          .split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + classpathFile, e);
    }
    List<Path> jars = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String artifact : artifacts) {
      Optional<Path> jar = find(classpath, artifact);
      if (jar.isEmpty()) {
        missing.add(artifact + " (not on the classpath)");
      } else if (!Files.isRegularFile(jar.get())) {
        missing.add(artifact + " (" + jar.get() + " does not exist)");
      } else {
        jars.add(jar.get());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("jars for an external Spark missing in " + classpathFile + ": "
          + String.join(", ", missing) + "; rebuild the project (mvn -B package -DskipTests)");
    }
    return jars;
  }

  static Optional<Path> find(List<Path> classpath, String artifact) {
    Pattern name = Pattern.compile(Pattern.quote(artifact) + "-\\d[^/]*\\.jar");
    return classpath.stream()
        .filter(p -> p.getFileName() != null && name.matcher(p.getFileName().toString()).matches())
        .findFirst();
  }
}
