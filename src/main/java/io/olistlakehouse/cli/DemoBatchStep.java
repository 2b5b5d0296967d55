package io.olistlakehouse.cli;

import io.olistlakehouse.batch.BatchMain;
import io.olistlakehouse.batch.PortfolioSummary;
import io.olistlakehouse.batch.incremental.BatchJobOutcome;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The demo's batch step: {@code batch} over what bronze holds, then the portfolio matrix's headline. */
final class DemoBatchStep {

  private DemoBatchStep() {}

  static String run(LakehouseConfig config) throws Exception {
    System.out.println("== batch layer (batch)");
    List<BatchJobOutcome> outcomes = BatchMain.run(config, List.of(), false, System.out);
    BatchSettings settings = BatchSettings.fromConfig(config);
    try (SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, BatchMain.MANIFEST))) {
      PortfolioSummary summary = PortfolioSummary.read(spark, settings);
      System.out.println(summary);
      System.out.printf("bin/lakehouse sql \"SELECT * FROM %s WHERE portfolio_group = 'Star Products' LIMIT 10\"%n",
          summary.table());
      return String.format("%d jobs (%d committed); %s: %s", outcomes.size(),
          outcomes.stream().filter(BatchJobOutcome::committed).count(), summary.table(), summary.groups());
    }
  }
}
