package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.smoke.SmokeJob;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "The main job on one machine: bring the platform up, run the smoke job (an Iceberg table on the "
        + "S3 API: create, append, read back, time travel), replay orders into the bronze topics, land them in "
        + "bronze (ingest --once), run the speed layer once over the same topics and print delivered, late, "
        + "overdue and canceled counts, then run the batch layer and print the portfolio groups and the top five "
        + "categories; with Superset (--with superset), import the dashboards and print their URLs. The platform "
        + "stays up.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--olist-dir", paramLabel = "DIR",
      description = "Replay the Olist CSVs of this folder (default: demo.synthetic.orders synthetic orders).")
  Path olistDir;

  @Option(names = "--with", split = ",", paramLabel = "PROCESS",
      description = "Optional processes to start too, beside platform.processes: superset.")
  List<String> with = List.of();

  @Override
  public Integer call() throws Exception {
    Platform platform = UpCommand.platformWith(LakehouseConfig.load(), with);
    LakehouseConfig config = platform.config();
    System.out.println("== platform");
    UpCommand.bringUp(platform);

    String runId = "demo-" + Instant.now().toString();
    Map<String, String> summary = new LinkedHashMap<>();
    try (SparkSession spark = SparkSessionFactory.create(config, "lakehouse-demo")) {
      SmokeJob.Result r = new SmokeJob(spark).run(runId, 5);
      System.out.println("== smoke job");
      System.out.printf("table %s, data files under %s%n", r.table(), r.location().replaceAll("/data/.*", "/data/"));
      System.out.printf("appended %d rows (run %s), read back %d%n", r.runRows(), runId, r.runRowsReadBack());
      System.out.printf("table now: %d rows in %d snapshots; current snapshot %d%n",
          r.totalRows(), r.snapshots(), r.currentSnapshotId());
      System.out.printf("time travel to the first snapshot %d: %d rows%n", r.firstSnapshotId(), r.firstSnapshotRows());
      summary.put("smoke", String.format("%d rows appended to %s and read back, time travel to snapshot %d",
          r.runRows(), r.table(), r.firstSnapshotId()));
      summary.put("replay", DemoReplayStep.run(config, olistDir));
      summary.put("bronze", DemoIngestStep.run(config, spark));
      System.out.println("== try");
      System.out.printf("bin/lakehouse sql \"SELECT run_id, count(*) FROM %s VERSION AS OF %d GROUP BY run_id\"%n",
          r.table(), r.firstSnapshotId());
      System.out.println("bin/lakehouse sql \"SELECT reason, count(*) FROM bronze.dead_letter GROUP BY reason\"");
      System.out.println("LAKEHOUSE_REPLAY_TOPIC_PREFIX=paced- bin/lakehouse replay --speed 86400"
          + "   # the Olist sample into other topics, a day of history per second");
      System.out.println("bin/lakehouse status      # processes and endpoints (--json)");
      System.out.println("bin/lakehouse down        # stop the platform; data stays in " + config.get("work.dir"));
    }
    summary.put("speed", DemoSpeedStep.run(config));
    summary.put("batch", DemoBatchStep.run(config));
    summary.put("dashboards", DemoDashboardsStep.run(platform));
    System.out.println("== what landed where");
    summary.forEach((step, line) -> System.out.printf("%-10s %s%n", step, line));
    return 0;
  }
}
