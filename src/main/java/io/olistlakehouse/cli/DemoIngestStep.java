package io.olistlakehouse.cli;

import io.olistlakehouse.bronze.BronzeTableCounts;
import io.olistlakehouse.bronze.IngestListener;
import io.olistlakehouse.bronze.IngestRunner;
import io.olistlakehouse.bronze.IngestSettings;
import io.olistlakehouse.config.LakehouseConfig;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The demo's bronze step: ingest --once, then the row count of every bronze table. */
final class DemoIngestStep {

  private DemoIngestStep() {}

  static void run(LakehouseConfig config, SparkSession spark) throws Exception {
    IngestSettings settings = IngestSettings.from(config);
    System.out.println("== bronze ingest --once: " + settings.topics().all().size() + " topics into "
        + settings.catalogName() + "." + settings.namespace() + ".*");
    System.out.println(IngestRunner.run(config, spark, true, IngestListener.printing()));
    System.out.println("== rows per bronze table");
    Map<String, Long> counts = BronzeTableCounts.of(spark, settings);
    counts.forEach((table, rows) -> System.out.printf("%-28s %,12d%n", settings.namespace() + "." + table, rows));
  }
}
