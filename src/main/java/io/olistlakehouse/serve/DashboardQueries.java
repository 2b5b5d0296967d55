package io.olistlakehouse.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The dashboards' queries, one per chart ({@code serve/dashboard_queries.sql}), as their names and SQL. */
public final class DashboardQueries {

  public record Query(String name, String sql) {

    /** The query with {@code ${parameter}} replaced by {@code value} (SQL text, e.g. a list of literals). */
    public Query with(String parameter, String value) {
      return new Query(name, sql.replace("${" + parameter + "}", value));
    }
  }

  private static final String RESOURCE = "/serve/dashboard_queries.sql";
  private static final String MARKER = "-- name:";

  private DashboardQueries() {}

  public static List<Query> all() {
    try (InputStream in = DashboardQueries.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits at each "-- name: X" line; other comment lines and blank lines are not part of a query. */
  static List<Query> parse(String text) {
    List<Query> queries = new ArrayList<>();
    String name = null;
    StringBuilder sql = new StringBuilder();
    for (String line : (text + "\n" + MARKER + " end").split("\n")) {
      if (line.startsWith(MARKER)) {
        if (name != null) {
          if (sql.toString().isBlank()) {
            throw new IllegalArgumentException("dashboard query " + name + " has no SQL");
          }
          queries.add(new Query(name, sql.toString().strip()));
        }
        name = line.substring(MARKER.length()).strip();
        sql.setLength(0);
      } else if (name != null && !line.startsWith("--") && !line.isBlank()) {
        sql.append(line).append('\n');
      }
    }
    return queries;
  }
}
