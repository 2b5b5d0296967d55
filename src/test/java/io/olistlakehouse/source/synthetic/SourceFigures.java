package io.olistlakehouse.source.synthetic;

import io.olistlakehouse.source.olist.OlistCsvSource;
import io.olistlakehouse.testing.TestOlistSample;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Prints the figures quoted in reviews: reading time of the sample and of a full-size dataset, generator speed, and
 * the marginals of the sample next to the generator's. Not a test; run it with
 * {@code java -cp "target/classes:target/test-classes:$(cat target/runtime-classpath.txt)"
 * io.olistlakehouse.source.synthetic.SourceFigures} after {@code mvn -o -q test-compile}.
 */
public final class SourceFigures {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private SourceFigures() {}

  public static void main(String[] args) throws IOException {
    for (int round = 1; round <= 3; round++) {
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      try (OlistCsvSource source = OlistCsvSource.open(TestOlistSample.dir())) {
        source.forEachRemaining(bundle -> { });
      }
      System.out.printf("sample read and iterated, round %d: %d ms (%d ms CPU)%n", round, millisSince(start),
          (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
    }
    for (int round = 1; round <= 3; round++) {
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      try (SyntheticSource source = new SyntheticSource(1_000_000, round)) {
        source.forEachRemaining(bundle -> { });
      }
      System.out.printf("generator, round %d: %.0f orders/s (%.0f per CPU second)%n", round,
          1e9 * 1_000_000 / (System.nanoTime() - start),
          1e9 * 1_000_000 / (THREADS.getCurrentThreadCpuTime() - cpuStart));
    }
    Path dir = Files.createTempDirectory("olist-full-size");
    try {
      OlistCsvWriter.write(dir, new SyntheticSource(99_441, 1), 3);
      try (Stream<String> lines = Files.lines(dir.resolve("olist_geolocation_dataset.csv"))) {
        System.out.printf("full-size dataset written: 99,441 orders, %d geolocation rows%n", lines.count() - 1);
      }
      for (int round = 1; round <= 2; round++) {
        System.gc();
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        try (OlistCsvSource source = OlistCsvSource.open(dir)) {
          long opened = millisSince(start);
          long openedCpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
          System.gc();
          Runtime runtime = Runtime.getRuntime();
          long heap = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
          source.forEachRemaining(bundle -> { });
          System.out.printf("full size, round %d: open %d ms (%d ms CPU), open + iterate %d ms, heap after open"
              + " %d MB, rejections %d%n", round, opened, openedCpu, millisSince(start), heap,
              source.rejections().count());
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    try (OlistCsvSource source = OlistCsvSource.open(TestOlistSample.dir())) {
      System.out.println("sample:    " + Marginals.of(source));
    }
    System.out.println("generated: " + Marginals.of(new SyntheticSource(40_000, 2024)));
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
