package io.olistlakehouse.cli;

import io.olistlakehouse.bronze.BronzeTableCounts;
import io.olistlakehouse.bronze.BronzeTables;
import io.olistlakehouse.bronze.IngestJob;
import io.olistlakehouse.bronze.IngestSettings;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The demo's bronze step: ingest --once, then the row count of every bronze table. */
final class DemoIngestStep {

  private DemoIngestStep() {}

  /** Lands the topics, prints the tables' counts, and returns the summary line. */
  static String run(LakehouseConfig config, SparkSession spark) throws Exception {
    IngestSettings settings = IngestSettings.from(config);
    System.out.println("== bronze ingest --once: " + settings.topics().all().size() + " topics into "
        + settings.stream().qualifiedNamespace() + ".*");
    System.out.println(
        StreamingMain.run(config, spark, IngestJob.LAYER, true, StreamingListener.printing(System.out)));
    System.out.println("== rows per bronze table");
    Map<String, Long> counts = BronzeTableCounts.of(spark, settings);
    String namespace = settings.stream().namespace();
    counts.forEach((table, rows) -> System.out.printf("%-28s %,12d%n", namespace + "." + table, rows));
    long deadLetters = counts.get(BronzeTables.DEAD_LETTER);
    long landed = counts.values().stream().mapToLong(Long::longValue).sum() - deadLetters;
    String tables = settings.stream().qualifiedNamespace();
    return String.format("%,d rows in %s.<stream> (%d tables), %,d in %s.%s", landed, tables,
        counts.size() - 1, deadLetters, tables, BronzeTables.DEAD_LETTER);
  }
}
