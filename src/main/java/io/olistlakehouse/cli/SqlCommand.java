package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.SparkSessionFactory;
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
    description = "Run Spark SQL against the lakehouse catalog (default catalog 'lakehouse') and print the result.")
final class SqlCommand implements Callable<Integer> {

  enum Format { tsv, json }

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL statement, e.g. \"SHOW TABLES IN bronze\".")
  String query;

  @Option(names = "--format", defaultValue = "tsv", description = "Output format: ${COMPLETION-CANDIDATES} "
      + "(default: ${DEFAULT-VALUE}). tsv has a header line; json is an array of objects.")
  Format format;

  @Override
  public Integer call() {
    try (SparkSession spark = SparkSessionFactory.create(LakehouseConfig.load(), "lakehouse-sql")) {
      Dataset<Row> result = spark.sql(query);
      System.out.println(format == Format.json ? toJson(result) : toTsv(result));
    }
    return 0;
  }

  static String toJson(Dataset<Row> result) {
    return result.toJSON().collectAsList().stream().collect(Collectors.joining(",\n  ", "[\n  ", "\n]"));
  }

  static String toTsv(Dataset<Row> result) {
    String header = String.join("\t", result.columns());
    Stream<String> rows = result.collectAsList().stream().map(row -> {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length(); i++) {
        line.append(i == 0 ? "" : "\t").append(row.isNullAt(i) ? "NULL" : String.valueOf(row.get(i)));
      }
      return line.toString();
    });
    return Stream.concat(Stream.of(header), rows).collect(Collectors.joining("\n"));
  }
}
