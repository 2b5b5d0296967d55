package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Start the local platform (3 Kafka nodes, schema registry, S3 API, Iceberg catalog) and wait "
        + "until every process is healthy. Starts only what is not running.")
final class UpCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    bringUp(new Platform(LakehouseConfig.load()));
    return 0;
  }

  /** Starts the platform and prints how long it took and each process's status. */
  static void bringUp(Platform platform) {
    Duration took = platform.up();
    System.out.printf("platform up in %.1f s%n", took.toMillis() / 1000.0);
    StatusCommand.printTable(platform);
  }
}
