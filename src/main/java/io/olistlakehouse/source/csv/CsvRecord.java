package io.olistlakehouse.source.csv;

import java.util.List;

/**
 * One CSV record: the 1-based physical line where it starts, and either its fields or, for a record the parser could
 * not read (a broken quote), the reason and no fields.
 */
public record CsvRecord(long line, List<String> fields, String error) {

  public static CsvRecord of(long line, List<String> fields) {
    return new CsvRecord(line, List.copyOf(fields), null);
  }

  public static CsvRecord broken(long line, String error) {
    return new CsvRecord(line, List.of(), error);
  }

  public boolean isBroken() {
    return error != null;
  }
}
