package io.olistlakehouse.platform.monitoring;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the monitoring configuration with the tools of the packages themselves, on a fresh render: promtool checks
 * Prometheus's settings and rules and runs the rules' unit tests; amtool checks Alertmanager's settings.
 */
public final class MonitoringCheck {

  /** One tool run: what it checked, its exit code and its output. */
  public record Outcome(String step, int exit, String output) {
    public boolean passed() {
      return exit == 0;
    }
  }

  private MonitoringCheck() {}

  /** Renders into {@code dir} and runs every check; all run even when one fails. */
  public static List<Outcome> run(LakehouseConfig config, Path dir) {
    MonitoringConfigs.render(config, dir);
    String promtool = config.get("prometheus.promtool");
    List<Outcome> outcomes = new ArrayList<>();
    outcomes.add(tool("Prometheus settings and rules", dir,
        List.of(promtool, "check", "config", MonitoringConfigs.PROMETHEUS_FILE)));
    List<String> test = new ArrayList<>(List.of(promtool, "test", "rules"));
    MonitoringConfigs.yamlFiles(dir.resolve(MonitoringConfigs.TESTS_DIR))
        .forEach(f -> test.add(dir.relativize(f).toString()));
    outcomes.add(tool("alert rule unit tests", dir, test));
    outcomes.add(tool("Alertmanager settings", dir,
        List.of(config.get("alertmanager.amtool"), "check-config", MonitoringConfigs.ALERTMANAGER_FILE)));
    return outcomes;
  }

  private static Outcome tool(String step, Path dir, List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Outcome(step, p.waitFor(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + cmd.get(0) + " (bin/setup-monitoring installs it)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
    }
  }
}
