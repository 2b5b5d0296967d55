package io.olistlakehouse.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The 5-minute form of {@code bin/lakehouse bench soak} that CI runs: the whole pipeline fed synthetic orders, one
 * sample a minute. Each sample must have measured every job's memory, files in the tables, and both streaming jobs'
 * lag; the TSV gets one row per sample. Whether memory stays flat is the 60-minute run's question
 * (docs/reliability.md), not a test's: tests never assert on timings or machine figures.
 */
class SoakIT {

  private static final Pattern SAMPLE = Pattern.compile(
      "(?m)^soak: +(\\d+) s  rss jobs +([\\d,]+) MB platform +([\\d,]+) MB  files data +([\\d,]+) metadata +([\\d,]+)"
          + "  lag \\{(.*)\\}  freshness \\{(.*)\\}$");

  @Test
  void fiveMinutesOfThePipelineAreSampledEveryMinute() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    Path results = fixture.config().getPath("bench.dir").resolve("soak.tsv");
    long rowsBefore = Files.exists(results) ? Files.readAllLines(results).size() : 0;
    TestLauncher.Running soak = TestLauncher.start(fixture, Map.of(), "bench", "soak", "--minutes", "5", "--rate",
        "2000");
    TestLauncher.Result result = soak.await(Duration.ofMinutes(15));
    String output = result.stdout();
    System.out.println(output);
    assertEquals(0, result.exitCode(), output + result.stderr());

    List<MatchResult> samples = SAMPLE.matcher(output).results().toList();
    assertEquals(5, samples.size(), output);
    for (MatchResult sample : samples) {
      assertTrue(number(sample.group(2)) > 0, "the jobs' memory: " + sample.group());
      assertTrue(number(sample.group(3)) > 0, "the platform's memory: " + sample.group());
    }
    MatchResult last = samples.get(samples.size() - 1);
    assertTrue(number(last.group(4)) > 0, "data files landed: " + last.group());
    assertTrue(number(last.group(5)) > 0, "metadata files: " + last.group());
    assertTrue(last.group(6).contains("ingest=") && last.group(6).contains("speed="), "both jobs' lag: "
        + last.group());
    assertTrue(output.contains("soak: first and last sample"), output);

    List<String> rows = Files.readAllLines(results);
    assertTrue(rows.get(0).startsWith("date\tminutes\trate\t"), rows.get(0));
    assertEquals(5, rows.size() - Math.max(1, rowsBefore), String.join("\n", rows));
  }

  private static long number(String figure) {
    return Long.parseLong(figure.replace(",", ""));
  }
}
