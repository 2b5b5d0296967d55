package io.olistlakehouse.platform.monitoring;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.process.ProcessSpec;
import io.olistlakehouse.platform.process.SetupCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prometheus, Alertmanager and the Pushgateway as optional platform processes ({@code up --with monitoring}), from
 * Debian's packages, with their state under {@code monitoring.home}. {@link #prepare} installs the packages when a
 * binary is missing and renders their configuration ({@link MonitoringConfigs}). Prometheus scrapes the JMX exporter
 * agents of the Kafka nodes, the registry and the Thrift server ({@link MetricsAgent}), the streaming jobs while they
 * run, and the Pushgateway, which keeps what each batch job's run pushed; it sends its alerts to Alertmanager, which
 * posts them to the chat webhooks.
 */
public final class MonitoringServer {

  public static final String PROMETHEUS = "prometheus";
  public static final String ALERTMANAGER = "alertmanager";
  public static final String PUSHGATEWAY = "pushgateway";
  public static final List<String> PROCESSES = List.of(ALERTMANAGER, PUSHGATEWAY, PROMETHEUS);
  /** The name {@code up --with} and {@code platform.processes} know both by. */
  public static final String NAME = "monitoring";

  private MonitoringServer() {}

  public static List<ProcessSpec> processes(LakehouseConfig config) {
    Path home = config.getPath("monitoring.home");
    String prometheusAddress = config.get("prometheus.host") + ":" + config.get("prometheus.port");
    String alertmanagerAddress = config.get("alertmanager.host") + ":" + config.get("alertmanager.port");
    List<String> prometheus = List.of(config.get("prometheus.binary"),
        "--config.file=" + home.resolve(MonitoringConfigs.PROMETHEUS_FILE),
        "--storage.tsdb.path=" + home.resolve("prometheus-data"),
        "--storage.tsdb.retention.time=" + config.get("prometheus.retention"),
        "--web.listen-address=" + prometheusAddress,
        // `monitoring reload` and the tests re-read rules and targets without a restart.
        "--web.enable-lifecycle");
    List<String> alertmanager = List.of(config.get("alertmanager.binary"),
        "--config.file=" + home.resolve(MonitoringConfigs.ALERTMANAGER_FILE),
        "--storage.path=" + home.resolve("alertmanager-data"),
        "--web.listen-address=" + alertmanagerAddress,
        // One Alertmanager: no gossip listener (its default port 9094 is kafka-2's here).
        "--cluster.listen-address=");
    List<String> pushgateway = List.of(config.get("pushgateway.binary"),
        "--web.listen-address=" + config.get("pushgateway.host") + ":" + config.get("pushgateway.port"),
        // What the batch jobs pushed survives a restart of the gateway.
        "--persistence.file=" + home.resolve("pushgateway.data"));
    return List.of(
        new ProcessSpec(ALERTMANAGER, alertmanager, home, Map.of(), config.getInt("alertmanager.port"),
            "alertmanager.port"),
        new ProcessSpec(PUSHGATEWAY, pushgateway, home, Map.of(), config.getInt("pushgateway.port"),
            "pushgateway.port"),
        new ProcessSpec(PROMETHEUS, prometheus, home, Map.of(), config.getInt("prometheus.port"), "prometheus.port"));
  }

  /**
   * Makes all three ready to start: Debian's {@code prometheus}, {@code prometheus-alertmanager} and
   * {@code prometheus-pushgateway} installed ({@code monitoring.setup.script}, run only when a binary is missing), and
   * their configuration rendered.
   */
  public static void prepare(LakehouseConfig config) {
    install(config);
    MonitoringConfigs.render(config, config.getPath("monitoring.home"));
  }

  /** Installs the packages when one of their binaries is missing. */
  public static void install(LakehouseConfig config) {
    boolean installed = Stream.of("prometheus.binary", "prometheus.promtool", "alertmanager.binary",
        "alertmanager.amtool", "pushgateway.binary").allMatch(key -> Files.isExecutable(config.getPath(key)));
    if (!installed) {
      Path home = config.getPath("monitoring.home");
      SetupCommand.run(List.of(config.getPath("monitoring.setup.script").toString()), Map.of(), config.home(),
          home.resolve("setup.log"), "installing Prometheus, Alertmanager and the Pushgateway");
    }
  }

  public static String prometheusUrl(LakehouseConfig config) {
    return "http://" + config.get("prometheus.host") + ":" + config.get("prometheus.port");
  }

  public static String alertmanagerUrl(LakehouseConfig config) {
    return "http://" + config.get("alertmanager.host") + ":" + config.get("alertmanager.port");
  }
}
