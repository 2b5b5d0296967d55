package io.olistlakehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Where the tests find the real Olist sample: $OLIST_SAMPLE_DIR, else ../shared/olist-sample beside the project. */
public final class TestOlistSample {

  private TestOlistSample() {}

  public static Path dir() {
    Path projectDir = Path.of(System.getProperty("lakehouse.home", "."));
    Path dir = Path.of(System.getenv().getOrDefault("OLIST_SAMPLE_DIR",
        projectDir.resolve("../shared/olist-sample").toString())).normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("the Olist sample is not at " + dir.toAbsolutePath()
          + "; set OLIST_SAMPLE_DIR to the folder holding its CSV files");
    }
    return dir;
  }

  /**
   * The data rows of a sample file that has no quoted fields, split plainly on commas: an independent reading to
   * check the CSV reader against. Fails on a file with quotes, where a plain split would be wrong.
   */
  public static List<String[]> plainRows(String fileName) {
    try (Stream<String> lines = Files.lines(dir().resolve(fileName))) {
      List<String[]> rows = lines.skip(1).map(line -> line.split(",", -1)).toList();
      if (rows.stream().flatMap(Arrays::stream).anyMatch(field -> field.contains("\""))) {
        throw new IllegalStateException(fileName + " has quoted fields: a plain split cannot read it");
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
