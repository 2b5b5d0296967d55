package io.olistlakehouse.bench;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.serve.DashboardQueries;
import io.olistlakehouse.serve.ServeSettings;
import io.olistlakehouse.serve.ServingViews;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dashboards' queries for Trino: Trino cannot read the Thrift server's session-catalog views, so each serving
 * view it needs comes from its Trino dialect ({@code serve/trino/<view>.sql}, same rule as the Spark file) as a WITH
 * clause, in creation order, and {@code serve.<view>} becomes the clause's name. The Trino catalog is named after
 * {@code catalog.name}, so tables keep their names.
 */
final class TrinoQueries {

  private TrinoQueries() {}

  static List<DashboardQueries.Query> translate(List<DashboardQueries.Query> queries, LakehouseConfig config) {
    ServeSettings settings = ServeSettings.fromConfig(config);
    List<DashboardQueries.Query> out = new ArrayList<>();
    for (DashboardQueries.Query q : queries) {
      String body = q.sql().replace(settings.serveNamespace() + ".", "");
      Set<String> needed = new LinkedHashSet<>();
      ServingViews.NAMES.stream().filter(v -> references(body, v)).forEach(v -> addWithDependencies(v, needed));
      List<String> clauses = new ArrayList<>();
      for (String view : ServingViews.NAMES) {
        if (needed.contains(view)) {
          clauses.add(view + " AS (\n" + view(view, config) + "\n)");
        }
      }
      out.add(new DashboardQueries.Query(q.name(), clauses.isEmpty() ? body
          : "WITH " + String.join(",\n", clauses) + "\n" + body));
    }
    return out;
  }

  private static void addWithDependencies(String view, Set<String> needed) {
    if (needed.add(view)) {
      String sql = read(view);
      ServingViews.NAMES.stream().filter(v -> !v.equals(view) && references(sql, v))
          .forEach(v -> addWithDependencies(v, needed));
    }
  }

  /** A bare reference to a view: not a column or table of the same name behind a dot. */
  static boolean references(String sql, String view) {
    return Pattern.compile("(?<![.\\w])" + view + "\\b").matcher(sql.replaceAll("(?m)--.*$", "")).find();
  }

  private static String view(String name, LakehouseConfig config) {
    ServeSettings s = ServeSettings.fromConfig(config);
    return config.render(read(name), Map.of("gold", s.gold(), "speed", s.speed())).replaceAll("(?m)^--.*\n", "")
        .strip();
  }

  private static String read(String name) {
    return ServingViews.sql("trino", name);
  }
}
