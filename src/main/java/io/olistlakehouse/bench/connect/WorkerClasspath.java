package io.olistlakehouse.bench.connect;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Connect worker's classpath, kept apart from the project's (connect-runtime and the Iceberg sink would clash
 * with Spark): Maven resolves infra/connect-worker/pom.xml into a classpath file on first use, or again when that
 * pom changes, so a fresh clone needs nothing installed by hand. Our converter comes from the project's classes.
 */
final class WorkerClasspath {

  private WorkerClasspath() {}

  static String resolve(LakehouseConfig config, PrintStream out) {
    Path pom = config.getPath("bench.connect.classpath.pom");
    Path file = config.getPath("bench.connect.classpath.file");
    try {
      boolean stale = !Files.isRegularFile(file)
          || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) < 0;
      if (stale) {
        out.println("resolving the Connect worker's classpath from " + config.home().relativize(pom) + " (once)");
        Files.createDirectories(file.getParent());
        List<String> mvn = List.of(config.get("bench.connect.maven"), "-q", "-B", "-Dstyle.color=never", "-f",
            pom.toString(), "dependency:build-classpath", "-Dmdep.outputFile=" + file);
        Process process = new ProcessBuilder(mvn).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !Files.isRegularFile(file)) {
          throw new IllegalStateException("Maven could not resolve the Connect worker's classpath: " + mvn + "\n"
              + log);
        }
      }
      return config.getPath("bench.connect.converter.classpath") + File.pathSeparator + Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve the Connect worker's classpath from " + pom, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resolving the Connect worker's classpath", e);
    }
  }
}
