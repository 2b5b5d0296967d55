package io.olistlakehouse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.serve.jdbc.HiveJdbc;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run SQL and print the result.",
        "Default: Spark SQL in this JVM, against the lakehouse catalog (default catalog 'lakehouse').",
        "--jdbc: through the Thrift server over JDBC, as BI tools do (default catalog spark_catalog, where the "
            + "serve, gold and speed namespaces are published; lakehouse.<ns>.<table> reaches any table)."})
final class SqlCommand implements Callable<Integer> {

  enum Format { tsv, json }

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL statement, e.g. \"SHOW TABLES IN bronze\".")
  String query;

  @Option(names = "--format", defaultValue = "tsv", description = "Output format: ${COMPLETION-CANDIDATES} "
      + "(default: ${DEFAULT-VALUE}). tsv has a header line; json is an array of objects.")
  Format format;

  @Option(names = "--jdbc", description = "Run the query through the Thrift server (serve.jdbc.url) with the Hive "
      + "JDBC driver, with serve.thrift.user / LAKEHOUSE_SERVE_THRIFT_PASSWORD.")
  boolean jdbc;

  /** A result as text cells, whichever engine produced it. */
  record Result(List<String> columns, List<List<String>> rows) {

    String tsv() {
      return Stream.concat(Stream.of(columns), rows.stream()).map(r -> String.join("\t", r))
          .collect(Collectors.joining("\n"));
    }

    String json() {
      ObjectMapper mapper = new ObjectMapper();
      ArrayNode array = mapper.createArrayNode();
      for (List<String> row : rows) {
        ObjectNode o = array.addObject();
        for (int i = 0; i < columns.size(); i++) {
          o.put(columns.get(i), "NULL".equals(row.get(i)) ? null : row.get(i));
        }
      }
      return array.toPrettyString();
    }
  }

  @Override
  public Integer call() throws Exception {
    LakehouseConfig config = LakehouseConfig.load();
    if (jdbc) {
      try (Connection c = HiveJdbc.connect(config); Statement s = c.createStatement()) {
        print(s.execute(query) ? fromResultSet(s.getResultSet()) : new Result(List.of("result"), List.of(
            List.of("OK"))));
      }
      return 0;
    }
    try (SparkSession spark = SparkSessionFactory.create(config, "lakehouse-sql")) {
      Dataset<Row> result = spark.sql(query);
      if (format == Format.json) {
        System.out.println(toJson(result));
      } else {
        print(fromDataset(result));
      }
    }
    return 0;
  }

  private void print(Result result) {
    System.out.println(format == Format.json ? result.json() : result.tsv());
  }

  static String toJson(Dataset<Row> result) {
    return result.toJSON().collectAsList().stream().collect(Collectors.joining(",\n  ", "[\n  ", "\n]"));
  }

  static Result fromDataset(Dataset<Row> result) {
    List<List<String>> rows = result.collectAsList().stream().map(row -> {
      List<String> cells = new ArrayList<>(row.length());
      for (int i = 0; i < row.length(); i++) {
        cells.add(row.isNullAt(i) ? "NULL" : String.valueOf(row.get(i)));
      }
      return cells;
    }).toList();
    return new Result(Arrays.asList(result.columns()), rows);
  }

  static Result fromResultSet(ResultSet rs) throws java.sql.SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> cells = new ArrayList<>(columns.size());
      for (int i = 1; i <= columns.size(); i++) {
        String v = rs.getString(i);
        cells.add(v == null ? "NULL" : v);
      }
      rows.add(cells);
    }
    return new Result(columns, rows);
  }
}
