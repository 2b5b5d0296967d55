package io.olistlakehouse.platform.monitoring;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders the templates under {@code monitoring.template.dir} with the configuration: Prometheus's settings and
 * scrape targets, the alert rules with their thresholds and their unit tests, Alertmanager's routing with a receiver
 * per chat webhook set, and its message templates.
 */
public final class MonitoringConfigs {

  public static final String PROMETHEUS_FILE = "prometheus.yml";
  public static final String ALERTMANAGER_FILE = "alertmanager.yml";
  public static final String RULES_DIR = "rules";
  public static final String TESTS_DIR = "tests";
  private static final String MESSAGES = """
              title: '{{ template "lakehouse.title" . }}'
              %s: '{{ template "lakehouse.message" . }}'
      """;

  private MonitoringConfigs() {}

  /** Writes every file into {@code dir}, replacing what an earlier render left. */
  public static void render(LakehouseConfig config, Path dir) {
    Path templates = config.getPath("monitoring.template.dir");
    try {
      Files.createDirectories(dir.resolve(RULES_DIR));
      Files.createDirectories(dir.resolve(TESTS_DIR));
      Files.createDirectories(dir.resolve("templates"));
      write(dir.resolve(PROMETHEUS_FILE), config.render(Files.readString(templates.resolve(PROMETHEUS_FILE)),
          Map.of("kafka.scrape.targets", kafkaTargets(config))));
      for (Path rules : yamlFiles(templates.resolve(RULES_DIR))) {
        write(dir.resolve(RULES_DIR).resolve(rules.getFileName()), config.render(Files.readString(rules), Map.of()));
      }
      for (Path test : yamlFiles(templates.resolve(TESTS_DIR))) {
        Files.copy(test, dir.resolve(TESTS_DIR).resolve(test.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
      Files.copy(templates.resolve("alertmanager/lakehouse.tmpl"), dir.resolve("templates/lakehouse.tmpl"),
          StandardCopyOption.REPLACE_EXISTING);
      Path alertmanager = dir.resolve(ALERTMANAGER_FILE);
      write(alertmanager, "");
      // Owner-only before the webhook URLs go in: they are secrets.
      Files.setPosixFilePermissions(alertmanager, PosixFilePermissions.fromString("rw-------"));
      write(alertmanager, config.render(Files.readString(templates.resolve("alertmanager/" + ALERTMANAGER_FILE)),
          Map.of("alert.receiver.configs", receiverConfigs(config))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the monitoring configuration into " + dir, e);
    }
  }

  /** The rule files of a rendered directory. */
  public static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** One static_configs entry per Kafka node, labelled with its process name. */
  static String kafkaTargets(LakehouseConfig config) {
    StringBuilder out = new StringBuilder();
    for (String id : config.getList("kafka.nodes")) {
      out.append("      - targets: [\"").append(config.get("kafka.node." + id + ".host")).append(':')
          .append(config.get("kafka.node." + id + ".metrics.port")).append("\"]\n")
          .append("        labels: {component: kafka-").append(id).append("}\n");
    }
    return out.toString().stripTrailing();
  }

  /** Alertmanager's receiver entries for the webhooks that are set: Discord's, Slack's, both or none. */
  static String receiverConfigs(LakehouseConfig config) {
    StringBuilder out = new StringBuilder();
    String discord = config.get("alert.discord.webhook.url");
    if (!discord.isEmpty()) {
      out.append("    discord_configs:\n      - webhook_url: ").append(quoted(discord)).append('\n')
          .append("        send_resolved: true\n").append(MESSAGES.formatted("message"));
    }
    String slack = config.get("alert.slack.webhook.url");
    if (!slack.isEmpty()) {
      out.append("    slack_configs:\n      - api_url: ").append(quoted(slack)).append('\n')
          .append("        channel: ").append(quoted(config.get("alert.slack.channel"))).append('\n')
          .append("        send_resolved: true\n").append(MESSAGES.formatted("text"));
    }
    return out.toString().stripTrailing();
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text.endsWith("\n") ? text : text + "\n");
  }
}
