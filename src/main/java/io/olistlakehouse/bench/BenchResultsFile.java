package io.olistlakehouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tab-separated results file that runs append to; the header is written with the first row. */
final class BenchResultsFile {

  private final Path file;

  BenchResultsFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  /** Appends one row; the columns are the map's keys in order (they must match the existing header). */
  void append(LinkedHashMap<String, String> row) {
    String header = String.join("\t", row.keySet());
    try {
      Files.createDirectories(file.getParent());
      if (Files.exists(file)) {
        String existing = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        if (!existing.isEmpty() && !existing.equals(header)) {
          throw new IllegalStateException(file + " has other columns (" + existing + "); move it away to start a "
              + "new results file");
        }
      }
      StringBuilder text = new StringBuilder();
      if (!Files.exists(file) || Files.size(file) == 0) {
        text.append(header).append('\n');
      }
      text.append(String.join("\t", row.values())).append('\n');
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static LinkedHashMap<String, String> row(Map<String, Object> values) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
