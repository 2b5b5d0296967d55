package io.olistlakehouse.platform.monitoring;

import io.olistlakehouse.config.LakehouseConfig;
import java.util.List;

/**
 * Prometheus's JMX exporter as a java agent: the JVM option that makes a platform JVM serve its metrics over HTTP,
 * on the port of a configuration key, with the exporter settings of {@code monitoring.jmx.config.dir}.
 */
public final class MetricsAgent {

  /** Exporter settings of a Kafka node: the broker and controller MBeans the alerts and dashboards read. */
  public static final String KAFKA = "kafka.yml";
  /** Exporter settings of any other JVM: its JVM metrics only. */
  public static final String JVM = "jvm.yml";

  private MetricsAgent() {}

  /** The agent option for a JVM that serves its metrics on {@code host} and the port of {@code portKey}. */
  public static List<String> jvmOptions(LakehouseConfig config, String host, String portKey, String settings) {
    return List.of("-javaagent:" + config.getPath("monitoring.jmx.agent.jar") + "=" + host + ":"
        + config.getInt(portKey) + ":" + config.getPath("monitoring.jmx.config.dir").resolve(settings));
  }
}
