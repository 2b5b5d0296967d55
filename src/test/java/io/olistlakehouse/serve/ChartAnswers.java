package io.olistlakehouse.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Chart answers in one comparable form, whoever gave them: Superset's chart-data JSON (numbers as doubles, times as
 * epoch milliseconds) or Hive JDBC (every value as a string). Also the questions each chart asks, as JDBC queries.
 */
final class ChartAnswers {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");

  private static final String NAME = "-- name:";
  private static final String WALL_CLOCK = "-- wall clock:";

  private ChartAnswers() {}

  /** Chart file name -> its question ({@code superset/chart_questions.sql} on the test class path). */
  static Map<String, String> questions() {
    Map<String, String> questions = new LinkedHashMap<>();
    DashboardQueries.parse(questionsText()).forEach(q -> questions.put(q.name(), q.sql()));
    return questions;
  }

  /** Chart file name -> the index of its wall-clock column, for the charts whose question declares one. */
  static Map<String, Integer> wallClockColumns() {
    Map<String, Integer> columns = new LinkedHashMap<>();
    String chart = null;
    for (String line : questionsText().split("\n")) {
      if (line.startsWith(NAME)) {
        chart = line.substring(NAME.length()).strip();
      } else if (line.startsWith(WALL_CLOCK) && chart != null) {
        columns.put(chart, Integer.parseInt(line.substring(WALL_CLOCK.length()).strip()));
      }
    }
    return columns;
  }

  private static String questionsText() {
    try (InputStream in = ChartAnswers.class.getResourceAsStream("/superset/chart_questions.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each value normalized (numbers to 4 decimals, times to epoch milliseconds UTC), rows in a stable order. */
  static List<List<String>> normalize(List<List<String>> rows) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> row : rows) {
      out.add(row.stream().map(ChartAnswers::value).toList());
    }
    out.sort(Comparator.comparing(Object::toString));
    return out;
  }

  static String value(String v) {
    if (v == null) {
      return "null";
    }
    if (NUMBER.matcher(v).matches()) {
      return new BigDecimal(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
    if (DATE.matcher(v).matches()) {
      return Long.toString(LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
    }
    if (TIMESTAMP.matcher(v).matches()) {
      return Long.toString(LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli());
    }
    return v;
  }
}
