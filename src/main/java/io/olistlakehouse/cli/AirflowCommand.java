package io.olistlakehouse.cli;

import io.olistlakehouse.airflow.AirflowPlan;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.airflow.AirflowServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "airflow",
    description = {"Run Airflow's CLI with the project's Airflow settings (home, DAGs, Spark connection, the DAGs' "
        + "plan), installing Airflow's venv and creating its database first when needed. Exits with Airflow's exit "
        + "code.",
        "Examples: bin/lakehouse airflow dags test lakehouse_batch 2026-12-06; "
            + "bin/lakehouse airflow backfill create --dag-id lakehouse_batch --from-date 2026-12-01 "
            + "--to-date 2026-12-03"})
final class AirflowCommand implements Callable<Integer> {

  /** Every argument, options included, goes to Airflow as given. */
  @Unmatched
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    LakehouseConfig config = LakehouseConfig.load();
    Platform platform = new Platform(config);
    AirflowPlan.prepare(config, platform.configFile());
    ProcessBuilder pb = new ProcessBuilder(AirflowServer.airflow(config, args.toArray(String[]::new)))
        .inheritIO().directory(config.getPath("airflow.home").toFile());
    pb.environment().putAll(AirflowServer.environment(config, platform.configFile()));
    return pb.start().waitFor();
  }
}
