package io.olistlakehouse.platform.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped monitoring configuration passes Prometheus's and Alertmanager's own checks (promtool, amtool from the
 * Debian packages), the alert rules pass their unit tests, and every rule has one.
 */
class AlertRulesIT {

  private static final Pattern ALERT = Pattern.compile("(?m)^\\s*- alert: (\\w+)");
  private static final Pattern TESTED = Pattern.compile("(?m)^\\s*alertname: (\\w+)");

  @TempDir
  Path dir;

  @Test
  void rulesAndSettingsPassPromtoolAndAmtoolWithEveryRuleTested() throws Exception {
    Path home = Path.of(System.getProperty(LakehouseConfig.HOME_PROPERTY, ".")).toAbsolutePath().normalize();
    // Both webhooks set, so that amtool checks the receivers too.
    LakehouseConfig config = LakehouseConfig.load(home.resolve("configs/lakehouse.properties"), Map.of(), home)
        .withOverrides(Map.of("alert.discord.webhook.url", "http://127.0.0.1:1/discord",
            "alert.slack.webhook.url", "http://127.0.0.1:1/slack"));
    MonitoringServer.install(config);

    List<MonitoringCheck.Outcome> outcomes = MonitoringCheck.run(config, dir);

    assertEquals(3, outcomes.size());
    for (MonitoringCheck.Outcome outcome : outcomes) {
      assertTrue(outcome.passed(), outcome.step() + " failed:\n" + outcome.output());
    }
    Set<String> alerts = names(ALERT, dir.resolve(MonitoringConfigs.RULES_DIR));
    Set<String> tested = names(TESTED, dir.resolve(MonitoringConfigs.TESTS_DIR));
    assertTrue(alerts.size() >= 3, "the rules define the Kafka alerts at least: " + alerts);
    assertEquals(alerts, tested, "every alert rule has a unit test, and every test an alert rule");
  }

  private static Set<String> names(Pattern pattern, Path dir) throws Exception {
    Set<String> names = new TreeSet<>();
    for (Path file : MonitoringConfigs.yamlFiles(dir)) {
      Matcher m = pattern.matcher(Files.readString(file));
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }
}
