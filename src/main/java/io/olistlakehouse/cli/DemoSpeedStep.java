package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.speed.SpeedCounts;
import io.olistlakehouse.speed.SpeedJob;
import io.olistlakehouse.speed.SpeedSettings;
import io.olistlakehouse.speed.SpeedTables;
import io.olistlakehouse.speed.SpeedTopics;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The demo's speed step: {@code speed --once} over what the topics hold, then the headline counts. */
final class DemoSpeedStep {

  private DemoSpeedStep() {}

  /** Runs the speed job once, prints its counts, and returns the summary line. */
  static String run(LakehouseConfig config) throws Exception {
    System.out.println("== speed layer (speed --once)");
    SpeedSettings settings = SpeedSettings.from(config);
    List<String> missing = SpeedTopics.missing(settings);
    if (!missing.isEmpty()) {
      System.out.println("skipped: no replayed events yet (topics " + missing + " missing); run bin/lakehouse "
          + "replay, then bin/lakehouse speed --once");
      return "skipped (no replayed events)";
    }
    try (SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, SpeedJob.LAYER.jobName()))) {
      System.out.println(StreamingMain.run(config, spark, SpeedJob.LAYER, true, StreamingListener.silent()));
      SpeedTables tables = new SpeedTables(spark, settings);
      SpeedCounts counts = SpeedCounts.read(spark, tables);
      System.out.println(counts);
      System.out.printf("bin/lakehouse sql \"SELECT status, count(*) FROM %s GROUP BY status\"%n",
          tables.name(SpeedTables.ORDER_DELIVERY));
      return String.format("%,d orders in %s (%,d delivered, %,d overdue), %,d late events in %s",
          counts.orders(), tables.name(SpeedTables.ORDER_DELIVERY), counts.delivered(), counts.overdue(),
          counts.lateEvents(), tables.name(SpeedTables.LATE_EVENTS));
    }
  }
}
