package io.olistlakehouse.source.olist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * One data row of an Olist file with typed, validating accessors. Each accessor throws {@link RejectedRow} with a
 * reason naming the column and the offending value.
 */
final class OlistRow {

  private static final int MONEY_SCALE = 2;

  private final OlistFile file;
  private final long line;
  private final List<String> fields;

  OlistRow(OlistFile file, long line, List<String> fields) {
    this.file = file;
    this.line = line;
    this.fields = fields;
  }

  long line() {
    return line;
  }

  String id(int column) throws RejectedRow {
    String value = text(column);
    if (!OlistValues.isId(value)) {
      throw reject(column, "is not an Olist id (32 lowercase hex digits)");
    }
    return value;
  }

  String text(int column) throws RejectedRow {
    String value = fields.get(column);
    if (value.isEmpty()) {
      throw new RejectedRow(name(column) + " is empty");
    }
    return value;
  }

  String optionalText(int column) {
    String value = fields.get(column);
    return value.isEmpty() ? null : value;
  }

  LocalDateTime timestamp(int column) throws RejectedRow {
    LocalDateTime value = OlistValues.timestamp(text(column));
    if (value == null) {
      throw reject(column, "is not a valid " + OlistValues.TIMESTAMP_FORMAT + " timestamp");
    }
    return value;
  }

  LocalDateTime optionalTimestamp(int column) throws RejectedRow {
    return fields.get(column).isEmpty() ? null : timestamp(column);
  }

  int integer(int column, int min, int max) throws RejectedRow {
    Integer value = OlistValues.integer(text(column));
    if (value == null) {
      throw reject(column, "is not an integer");
    }
    if (value < min || value > max) {
      throw reject(column, "is out of range " + min + ".." + max);
    }
    return value;
  }

  Integer optionalCount(int column) throws RejectedRow {
    return fields.get(column).isEmpty() ? null : integer(column, 0, Integer.MAX_VALUE);
  }

  /** A non-negative amount with at most two decimals, returned with scale 2 ("99.9" becomes 99.90). */
  BigDecimal money(int column) throws RejectedRow {
    BigDecimal value = OlistValues.decimal(text(column));
    if (value == null) {
      throw reject(column, "is not a number");
    }
    if (value.scale() > MONEY_SCALE) {
      throw reject(column, "has more than " + MONEY_SCALE + " decimals");
    }
    if (value.signum() < 0) {
      throw reject(column, "is negative");
    }
    return value.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY);
  }

  String oneOf(int column, Set<String> allowed) throws RejectedRow {
    String value = text(column);
    if (!allowed.contains(value)) {
      throw reject(column, "is not one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }

  String zipPrefix(int column) throws RejectedRow {
    String value = text(column);
    if (!OlistValues.isZipPrefix(value)) {
      throw reject(column, "is not a 5-digit zip code prefix");
    }
    return value;
  }

  String state(int column) throws RejectedRow {
    String value = text(column);
    if (!OlistValues.isState(value)) {
      throw reject(column, "is not a 2-letter state code");
    }
    return value;
  }

  /** A latitude (limit 90) or longitude (limit 180) in decimal degrees. */
  double coordinate(int column, double limit) throws RejectedRow {
    String text = text(column);
    if (!OlistValues.isDecimalNumber(text)) {
      throw reject(column, "is not a number");
    }
    double value = Double.parseDouble(text);
    if (value < -limit || value > limit) {
      throw reject(column, "is outside -" + (int) limit + ".." + (int) limit + " degrees");
    }
    return value;
  }

  RejectedRow reject(int column, String problem) {
    return new RejectedRow(name(column) + " '" + shorten(fields.get(column)) + "' " + problem);
  }

  private String name(int column) {
    return file.column(column);
  }

  private static String shorten(String value) {
    return value.length() <= 60 ? value : value.substring(0, 57) + "...";
  }
}
