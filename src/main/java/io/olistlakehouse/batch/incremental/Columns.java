package io.olistlakehouse.batch.incremental;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Small helpers for the column lists batch jobs pass to Spark. */
public final class Columns {

  private Columns() {}

  public static Seq<String> seq(String... names) {
    return JavaConverters.asScalaBuffer(Arrays.asList(names)).toSeq();
  }

  public static Seq<String> seq(List<String> names) {
    return JavaConverters.asScalaBuffer(names).toSeq();
  }

  public static Column[] cols(List<String> names) {
    return names.stream().map(functions::col).toArray(Column[]::new);
  }

  static String joined(List<String> names, String format, String separator) {
    return names.stream().map(n -> format.replace("%c", n)).collect(Collectors.joining(separator));
  }
}
