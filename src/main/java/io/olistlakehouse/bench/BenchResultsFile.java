package io.olistlakehouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tab-separated results file that runs append to; the header is written with the first row. */
public final class BenchResultsFile {

  private final Path file;

  public BenchResultsFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /**
   * Appends one row; the columns are the map's keys in order. They must match the existing header, except that
   * columns may be added at the end: a wider row widens the header (older rows just lack the new fields), a row
   * without the trailing columns gets "-" in them.
   */
  public void append(LinkedHashMap<String, String> row) {
    List<String> columns = new ArrayList<>(row.keySet());
    List<String> values = new ArrayList<>(row.values());
    try {
      Files.createDirectories(file.getParent());
      List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
      String existing = lines.isEmpty() ? "" : lines.get(0);
      List<String> header = existing.isEmpty() ? List.of() : List.of(existing.split("\t", -1));
      if (!header.isEmpty() && !startsWith(header, columns) && !startsWith(columns, header)) {
        throw new IllegalStateException(file + " has other columns (" + existing + "); move it away to start a "
            + "new results file");
      }
      while (values.size() < header.size()) {
        columns.add(header.get(values.size()));
        values.add("-");
      }
      StringBuilder text = new StringBuilder();
      if (header.isEmpty()) {
        text.append(String.join("\t", columns)).append('\n');
      } else if (columns.size() > header.size()) {
        List<String> widened = new ArrayList<>(lines);
        widened.set(0, String.join("\t", columns));
        Files.write(file, widened, StandardCharsets.UTF_8);
      }
      text.append(String.join("\t", values)).append('\n');
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static boolean startsWith(List<String> list, List<String> prefix) {
    return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
  }

  public static LinkedHashMap<String, String> row(Map<String, Object> values) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
