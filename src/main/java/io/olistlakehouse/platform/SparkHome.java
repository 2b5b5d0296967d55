package io.olistlakehouse.platform;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where this machine's Spark distribution is, for spark-submit: {@code submit.spark.home}, or the pyspark package
 * the project installs into {@code submit.spark.venv} ({@code bin/setup-python notebooks}).
 */
public final class SparkHome {

  private SparkHome() {}

  public static Path of(LakehouseConfig config) {
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
}
