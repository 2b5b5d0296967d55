package io.olistlakehouse.source.olist;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/** Parsers for the value formats of the Olist CSVs; each returns null (or false) for text that does not fit. */
final class OlistValues {

  static final String TIMESTAMP_FORMAT = "yyyy-MM-dd HH:mm:ss";
  private static final int ID_LENGTH = 32;
  private static final int ZIP_PREFIX_LENGTH = 5;

  private OlistValues() {}

  /** Olist ids are MD5-like: 32 lowercase hex digits. */
  static boolean isId(String text) {
    if (text.length() != ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < ID_LENGTH; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** Five digits, leading zeros included (the dataset keeps them). */
  static boolean isZipPrefix(String text) {
    return text.length() == ZIP_PREFIX_LENGTH && allDigits(text, 0, ZIP_PREFIX_LENGTH);
  }

  /** A Brazilian state code: two upper-case letters. */
  static boolean isState(String text) {
    return text.length() == 2 && isUpper(text.charAt(0)) && isUpper(text.charAt(1));
  }

  /** Hand-rolled for speed (about a million timestamps in the full dataset); LocalDateTime checks the ranges. */
  static LocalDateTime timestamp(String text) {
    if (text.length() != TIMESTAMP_FORMAT.length()
        || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
        || text.charAt(13) != ':' || text.charAt(16) != ':'
        || !allDigits(text, 0, 4) || !allDigits(text, 5, 7) || !allDigits(text, 8, 10)
        || !allDigits(text, 11, 13) || !allDigits(text, 14, 16) || !allDigits(text, 17, 19)) {
      return null;
    }
    try {
      return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
          number(text, 11, 13), number(text, 14, 16), number(text, 17, 19));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * An optionally signed decimal integer that fits an int. A ".0" fraction is accepted: pandas writes integer
   * columns that have empty cells as floats ("40.0"), and that is still a whole number.
   */
  static Integer integer(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int end = text.length();
    int point = text.indexOf('.');
    if (point >= 0) {
      if (point == end - 1 || !allZeros(text, point + 1, end)) {
        return null;
      }
      end = point;
    }
    if (end == start || end > start + 10 || !allDigits(text, start, end)) {
      return null;
    }
    long value = Long.parseLong(text, 0, end, 10);
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (int) value : null;
  }

  /** A plain decimal number (digits, optional sign and point), or null; no exponents, no thousands separators. */
  static BigDecimal decimal(String text) {
    return isPlainDecimal(text) ? new BigDecimal(text) : null;
  }

  static boolean isPlainDecimal(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int point = text.indexOf('.');
    int end = text.length();
    return point < 0
        ? end > start && allDigits(text, start, end)
        : point > start && point < end - 1 && allDigits(text, start, point) && allDigits(text, point + 1, end);
  }

  /**
   * A plain decimal, optionally with an exponent ("1.5e-05": pandas writes coordinates that close to zero that
   * way). No hexadecimal, no NaN or Infinity, no surrounding blanks, unlike Double.parseDouble.
   */
  static boolean isDecimalNumber(String text) {
    int exponent = Math.max(text.indexOf('e'), text.indexOf('E'));
    if (exponent < 0) {
      return isPlainDecimal(text);
    }
    int digits = exponent + 1 < text.length() && (text.charAt(exponent + 1) == '-' || text.charAt(exponent + 1) == '+')
        ? exponent + 2 : exponent + 1;
    return isPlainDecimal(text.substring(0, exponent)) && digits < text.length()
        && allDigits(text, digits, text.length());
  }

  static boolean allDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean allZeros(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
