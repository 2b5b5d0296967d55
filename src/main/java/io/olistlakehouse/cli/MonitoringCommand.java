package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.monitoring.MonitoringCheck;
import io.olistlakehouse.platform.monitoring.MonitoringServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "monitoring", mixinStandardHelpOptions = true,
    description = "Prometheus and Alertmanager (up --with monitoring; docs/operations.md).",
    subcommands = {MonitoringCommand.Check.class})
final class MonitoringCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Render the monitoring configuration (infra/prometheus) with this configuration into "
          + "<monitoring.home>/check and check it: promtool check config (settings and alert rules), promtool test "
          + "rules (the rules' unit tests, written for the shipped thresholds), amtool check-config. Installs "
          + "Prometheus and Alertmanager first when missing. Exits non-zero when a check fails.")
  static final class Check implements Callable<Integer> {
    @Override
    public Integer call() {
      LakehouseConfig config = LakehouseConfig.load();
      Path dir = config.getPath("monitoring.home").resolve("check");
      MonitoringServer.install(config);
      List<MonitoringCheck.Outcome> outcomes = MonitoringCheck.run(config, dir);
      for (MonitoringCheck.Outcome outcome : outcomes) {
        System.out.println((outcome.passed() ? "ok      " : "FAILED  ") + outcome.step());
        if (!outcome.passed()) {
          outcome.output().lines().forEach(line -> System.out.println("        " + line));
        }
      }
      return outcomes.stream().allMatch(MonitoringCheck.Outcome::passed) ? 0 : 1;
    }
  }
}
