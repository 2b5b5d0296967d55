package io.olistlakehouse.platform.kafka;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.monitoring.MetricsAgent;
import io.olistlakehouse.platform.process.JavaCommand;
import io.olistlakehouse.platform.process.ProcessSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** The local KRaft cluster: one combined broker + controller JVM per node, rendered from configs/kafka templates. */
public final class KafkaCluster {

  private static final String BROKER_MAIN = "kafka.Kafka";
  private static final String STORAGE_TOOL_MAIN = "kafka.tools.StorageTool";
  private static final String SECURITY_TEMPLATE = "security.properties";
  /** What StorageTool's --add-scram can parse unquoted. */
  private static final Pattern PLAIN_CREDENTIAL = Pattern.compile("[A-Za-z0-9_.-]+");

  private final LakehouseConfig config;
  private final Path configFile;
  private final Path kafkaDir;

  public KafkaCluster(LakehouseConfig config, Path configFile) {
    this.config = config;
    this.configFile = configFile;
    this.kafkaDir = config.getPath("work.dir").resolve("kafka");
  }

  public List<String> nodeIds() {
    return config.getList("kafka.nodes");
  }

  public static String processName(String nodeId) {
    return "kafka-" + nodeId;
  }

  public List<ProcessSpec> processes() {
    List<ProcessSpec> specs = new ArrayList<>();
    for (String id : nodeIds()) {
      Path nodeDir = kafkaDir.resolve("node" + id);
      List<String> agent = MetricsAgent.jvmOptions(config, config.get("kafka.node." + id + ".host"),
          "kafka.node." + id + ".metrics.port", MetricsAgent.KAFKA);
      List<String> cmd = JavaCommand.forMain(config, configFile, config.get("kafka.heap"), agent, BROKER_MAIN,
          List.of(nodeDir.resolve("server.properties").toString()));
      String portKey = "kafka.node." + id + ".port";
      specs.add(new ProcessSpec(processName(id), cmd, nodeDir, Map.of(), config.getInt(portKey), portKey));
    }
    return specs;
  }

  /** The controller ports must be free too, though health is judged on the broker port. */
  public List<String> controllerPortKeys() {
    return nodeIds().stream().map(id -> "kafka.node." + id + ".controller.port").toList();
  }

  /**
   * Renders the server.properties of the nodes that run on this machine and formats their storage the first time;
   * an already formatted node keeps its data, so topics survive down/up.
   */
  public void prepare(List<String> localNodeIds) {
    String clusterId = clusterId();
    for (String id : localNodeIds) {
      Path nodeDir = kafkaDir.resolve("node" + id);
      Path dataDir = nodeDir.resolve("data");
      Path serverProperties = nodeDir.resolve("server.properties");
      try {
        Files.createDirectories(dataDir);
        Files.writeString(serverProperties, serverProperties(id, dataDir), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + serverProperties, e);
      }
      if (!Files.exists(dataDir.resolve("meta.properties"))) {
        format(clusterId, serverProperties, nodeDir);
      }
    }
  }

  /** A node's server.properties: its template, then the security settings every node shares. */
  String serverProperties(String id, Path dataDir) {
    Path templates = config.getPath("kafka.template.dir");
    Map<String, String> node = Map.of("node.data.dir", dataDir.toString());
    try {
      return config.render(Files.readString(templates.resolve("server" + id + ".properties")), node) + "\n"
          + config.render(Files.readString(templates.resolve(SECURITY_TEMPLATE)), node);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Kafka templates in " + templates, e);
    }
  }

  /** The configured cluster id (several machines must share one), else one generated and kept for this machine. */
  private String clusterId() {
    String configured = config.get("kafka.cluster.id", "");
    if (!configured.isEmpty()) {
      return configured;
    }
    Path idFile = kafkaDir.resolve("cluster.id");
    try {
      if (Files.isRegularFile(idFile)) {
        return Files.readString(idFile).trim();
      }
      Files.createDirectories(kafkaDir);
      String id = Uuid.randomUuid().toString();
      Files.writeString(idFile, id);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void format(String clusterId, Path serverProperties, Path nodeDir) {
    List<String> args = new ArrayList<>(
        List.of("format", "-t", clusterId, "-c", serverProperties.toString(), "--ignore-formatted"));
    if (KafkaClients.secured(config)) {
      args.addAll(scramCredentials());
    }
    List<String> cmd = JavaCommand.forMain(config, configFile, "256m", STORAGE_TOOL_MAIN, args);
    try {
      Path log = nodeDir.resolve("format.log");
      ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(config.secretEnvironment());
      Process p = builder.start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("formatting Kafka storage failed for " + serverProperties + ":\n"
            + Files.readString(log, StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting Kafka storage", e);
    }
  }

  /**
   * The SCRAM users of a secured cluster, created with the storage (KRaft keeps them in its metadata, and brokers
   * need the admin's before they can talk to each other).
   */
  private List<String> scramCredentials() {
    List<String> args = new ArrayList<>();
    for (KafkaClients.Role role : KafkaClients.Role.values()) {
      String user = role.user(config);
      String password = role.password(config);
      if (!PLAIN_CREDENTIAL.matcher(user).matches() || !PLAIN_CREDENTIAL.matcher(password).matches()) {
        throw new IllegalArgumentException("Kafka user and password of kafka." + role.key() + " may only use "
            + "letters, digits, '_', '.' and '-' (the storage tool reads them unquoted)");
      }
      args.add("--add-scram");
      args.add(KafkaClients.SCRAM + "=[name=" + user + ",password=" + password + "]");
    }
    return args;
  }

  /** Number of brokers the cluster reports, or -1 when it does not answer. */
  public int liveBrokers() {
    Properties props = KafkaClients.properties(config, KafkaClients.Role.ADMIN);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    try (Admin admin = Admin.create(props)) {
      return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
    } catch (Exception e) {
      return -1;
    }
  }
}
