package io.olistlakehouse.bronze;

import io.olistlakehouse.contracts.BronzeStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Row counts of the bronze tables of the configured namespace, stream tables first, dead letters last. */
public final class BronzeTableCounts {

  private BronzeTableCounts() {}

  public static Map<String, Long> of(SparkSession spark, IngestSettings settings) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (BronzeStream stream : BronzeStream.values()) {
      counts.put(stream.streamName(), count(spark, settings, stream.streamName()));
    }
    counts.put(BronzeTables.DEAD_LETTER, count(spark, settings, BronzeTables.DEAD_LETTER));
    return counts;
  }

  private static long count(SparkSession spark, IngestSettings settings, String table) {
    String name = settings.stream().qualifiedNamespace() + "." + table;
    return spark.sql("SELECT count(*) FROM " + name).first().getLong(0);
  }
}
