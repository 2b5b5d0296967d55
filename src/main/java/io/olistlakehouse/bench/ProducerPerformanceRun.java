package io.olistlakehouse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own producer benchmark ({@code org.apache.kafka.tools.ProducerPerformance}, what kafka-producer-perf-test.sh
 * runs) in a JVM of its own, as the tool is meant to run. Returns its summary rate.
 */
final class ProducerPerformanceRun {

  /** The summary line: "N records sent, R records/sec (M MB/sec), ...". */
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

  record Result(long records, double recordsPerSecond, String summary) {}

  private ProducerPerformanceRun() {}

  static Result run(String topic, long records, int recordSize, Properties producerProps, Path log) {
    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-Duser.language=en",
        "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
        "--topic", topic, "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
        "--throughput", "-1", "--producer-props"));
    Map<String, String> sorted = new TreeMap<>();
    producerProps.forEach((k, v) -> sorted.put(k.toString(), v.toString()));
    sorted.forEach((k, v) -> cmd.add(k + "=" + v));
    try {
      Files.createDirectories(log.getParent());
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("ProducerPerformance did not finish within 30 minutes (log: " + log + ")");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Matcher m = SUMMARY.matcher(output);
      Result last = null;
      while (m.find()) {
        String line = output.substring(m.start(), Math.max(m.start(), output.indexOf('\n', m.start())));
        last = new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), line.strip());
      }
      if (p.exitValue() != 0 || last == null || last.records() != records) {
        throw new IllegalStateException("ProducerPerformance failed (exit " + p.exitValue() + "); see " + log);
      }
      return last;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run ProducerPerformance: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while ProducerPerformance ran", e);
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
