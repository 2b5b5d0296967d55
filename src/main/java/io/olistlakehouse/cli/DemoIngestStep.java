package io.olistlakehouse.cli;

import io.olistlakehouse.bronze.BronzeTableCounts;
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

  static void run(LakehouseConfig config, SparkSession spark) throws Exception {
    IngestSettings settings = IngestSettings.from(config);
    System.out.println("== bronze ingest --once: " + settings.topics().all().size() + " topics into "
        + settings.stream().qualifiedNamespace() + ".*");
    System.out.println(StreamingMain.run(config, spark, IngestJob.LAYER, true, StreamingListener.printing(System.out)));
    System.out.println("== rows per bronze table");
    Map<String, Long> counts = BronzeTableCounts.of(spark, settings);
    counts.forEach((table, rows) -> System.out.printf("%-28s %,12d%n", settings.stream().namespace() + "." + table, rows));
  }
}
