package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "down", mixinStandardHelpOptions = true,
    description = "Stop every platform process cleanly. Data (topics, schemas, tables) stays in the work directory.")
final class DownCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    new Platform(LakehouseConfig.load()).down();
    System.out.println("platform stopped");
    return 0;
  }
}
