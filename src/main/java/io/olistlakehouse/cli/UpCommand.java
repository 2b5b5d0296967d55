package io.olistlakehouse.cli;

import io.olistlakehouse.airflow.AirflowPlan;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.airflow.AirflowServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Start the local platform (3 Kafka nodes, schema registry, S3 API, Iceberg catalog, Thrift "
        + "server) and wait until every process is healthy. Starts only what is not running.")
final class UpCommand implements Callable<Integer> {

  @Option(names = "--with", split = ",", paramLabel = "PROCESS",
      description = "Optional processes to start too, beside platform.processes: superset, airflow, monitoring "
          + "(Prometheus and Alertmanager).")
  List<String> with = List.of();

  @Override
  public Integer call() {
    bringUp(platformWith(LakehouseConfig.load(), with));
    return 0;
  }

  /** The platform of {@code platform.processes} plus the optional processes named by {@code --with}. */
  static Platform platformWith(LakehouseConfig config, List<String> with) {
    List<String> processes = new ArrayList<>(config.getList("platform.processes"));
    with.stream().filter(p -> !processes.contains(p)).forEach(processes::add);
    if (processes.contains(Platform.SUPERSET)) {
      System.out.println("preparing Superset (its first start installs a Python venv and takes a few minutes)");
    }
    if (processes.contains(AirflowServer.NAME)) {
      System.out.println("preparing Airflow (its first start installs a Python venv and takes a minute or two)");
    }
    return new Platform(config.withOverrides(Map.of("platform.processes", String.join(",", processes))));
  }

  /** Starts the platform and prints how long it took and each process's status. */
  static void bringUp(Platform platform) {
    if (platform.config().getList("platform.processes").contains(AirflowServer.NAME)) {
      // The DAGs read the plan as soon as Airflow parses them.
      AirflowPlan.prepare(platform.config(), platform.configFile());
    }
    Duration took = platform.up();
    System.out.printf("platform up in %.1f s%n", took.toMillis() / 1000.0);
    StatusCommand.printTable(platform);
  }
}
