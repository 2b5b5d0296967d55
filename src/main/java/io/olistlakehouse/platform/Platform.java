package io.olistlakehouse.platform;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.airflow.AirflowServer;
import io.olistlakehouse.platform.catalog.CatalogServer;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.platform.kafka.KafkaAcls;
import io.olistlakehouse.platform.kafka.KafkaClients;
import io.olistlakehouse.platform.kafka.KafkaCluster;
import io.olistlakehouse.platform.monitoring.MetricsAgent;
import io.olistlakehouse.platform.monitoring.MonitoringServer;
import io.olistlakehouse.platform.process.JavaCommand;
import io.olistlakehouse.platform.process.Ports;
import io.olistlakehouse.platform.process.ProcessSpec;
import io.olistlakehouse.platform.process.ProcessStatus;
import io.olistlakehouse.platform.process.ProcessSupervisor;
import io.olistlakehouse.platform.s3.ObjectStore;
import io.olistlakehouse.platform.superset.SupersetServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The local platform: catalog database, S3 API, three Kafka nodes, the schema registry, the serving layer's Thrift
 * server and, when asked for, Superset, Airflow and monitoring (Prometheus, Alertmanager, the Pushgateway); each its
 * own OS process with a pid file and a log under the work directory.
 * {@link #up()} starts whatever is not running (so it also heals a platform with one process down) and returns once
 * everything is healthy.
 */
public final class Platform {

  public static final String REGISTRY = "registry";
  public static final String THRIFT = "thrift";
  private static final String REGISTRY_MAIN = "io.olistlakehouse.platform.registry.SchemaRegistryServer";
  // The serving layer's server; named, not imported: the platform starts it but sits below the layers.
  private static final String THRIFT_MAIN = "io.olistlakehouse.serve.ThriftServerMain";
  public static final String SUPERSET = SupersetServer.NAME;
  /**
   * Started once the rest is up: the registry keeps its state in Kafka, the Thrift server reads the catalog,
   * Superset queries the Thrift server.
   */
  private static final List<String> LATE = Stream.of(List.of(REGISTRY, THRIFT, SUPERSET), AirflowServer.PROCESSES,
      MonitoringServer.PROCESSES).flatMap(List::stream).toList();
  private static final List<String> OPTIONAL = Stream.of(List.of(SUPERSET), AirflowServer.PROCESSES,
      MonitoringServer.PROCESSES).flatMap(List::stream).toList();
  /** Names that stand for several processes in {@code platform.processes} and {@code up --with}. */
  private static final Map<String, List<String>> GROUPS = Map.of(
      AirflowServer.NAME, AirflowServer.PROCESSES, MonitoringServer.NAME, MonitoringServer.PROCESSES);
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);

  private final LakehouseConfig config;
  private final Path configFile;
  private final ProcessSupervisor supervisor;
  private final KafkaCluster kafka;
  private final String host;

  public Platform(LakehouseConfig config) {
    this.config = config;
    Path workDir = config.getPath("work.dir");
    this.configFile = workDir.resolve("run/lakehouse.properties");
    this.host = config.get("lakehouse.host");
    this.supervisor = new ProcessSupervisor(workDir, host, config.secretEnvironment());
    this.kafka = new KafkaCluster(config, configFile);
  }

  public LakehouseConfig config() {
    return config;
  }

  /** The resolved configuration the platform's processes run with; clients may load it too. */
  public Path configFile() {
    return configFile;
  }

  public ProcessSupervisor supervisor() {
    return supervisor;
  }

  /**
   * The processes this machine runs, in start order: those named by {@code platform.processes}. One machine runs
   * them all; in a multi-node layout each node lists its own, and an external MinIO, PostgreSQL or registry simply
   * is not listed. Superset, Airflow ({@code airflow} names its four processes) and monitoring ({@code monitoring}:
   * Prometheus, Alertmanager and the Pushgateway), optional, are listed too while they run, so that {@code status}
   * shows them after {@code up --with superset,airflow,monitoring}.
   */
  public List<ProcessSpec> processes() {
    List<ProcessSpec> all = new ArrayList<>();
    all.add(CatalogServer.process(config, configFile));
    all.add(ObjectStore.process(config));
    all.addAll(kafka.processes());
    all.add(registryProcess());
    all.add(thriftProcess());
    all.add(SupersetServer.process(config));
    List<String> wanted = wantedProcesses();
    all.addAll(MonitoringServer.processes(config));
    // Airflow's commands need pyspark's venv: built only when Airflow is wanted or runs.
    if (wanted.contains(AirflowServer.SCHEDULER) || supervisor.running(AirflowServer.SCHEDULER).isPresent()) {
      all.addAll(AirflowServer.processes(config, configFile));
    }
    List<String> known = new ArrayList<>(all.stream().map(ProcessSpec::name).toList());
    known.addAll(GROUPS.keySet());
    for (String name : wanted) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("platform.processes names unknown process '" + name + "'; known: " + known);
      }
    }
    return all.stream().filter(spec -> wanted.contains(spec.name()) || OPTIONAL.contains(spec.name())
        && supervisor.running(spec.name()).isPresent()).toList();
  }

  /** {@code platform.processes} with each group name replaced by its processes. */
  private List<String> wantedProcesses() {
    List<String> wanted = new ArrayList<>();
    for (String name : config.getList("platform.processes")) {
      wanted.addAll(GROUPS.getOrDefault(name, List.of(name)));
    }
    return wanted;
  }

  private boolean runsHere(String name) {
    return processes().stream().anyMatch(spec -> spec.name().equals(name));
  }

  private ProcessSpec registryProcess() {
    var agent = MetricsAgent.jvmOptions(config, host, "registry.metrics.port", MetricsAgent.JVM);
    var cmd = JavaCommand.forMain(config, configFile, config.get("registry.heap"), agent, REGISTRY_MAIN, List.of());
    return new ProcessSpec(REGISTRY, cmd, config.getPath("work.dir").resolve("registry"), Map.of(),
        config.getInt("registry.port"), "registry.port");
  }

  private ProcessSpec thriftProcess() {
    var agent = MetricsAgent.jvmOptions(config, config.get("serve.thrift.host"), "serve.thrift.metrics.port",
        MetricsAgent.JVM);
    var cmd = JavaCommand.forSparkMain(
        config, configFile, config.get("serve.thrift.heap"), agent, THRIFT_MAIN, List.of());
    return new ProcessSpec(THRIFT, cmd, config.getPath("work.dir").resolve(THRIFT), Map.of(),
        config.getInt("serve.thrift.port"), "serve.thrift.port");
  }

  /** Starts what is not running and waits until all is healthy. Returns how long it took. */
  public Duration up() {
    return up(Duration.ofSeconds(config.getLong("platform.startup.timeout.seconds")));
  }

  /**
   * The same, waiting at most {@code timeout} for each process: a Kafka node back from a kill -9 recovers every
   * partition's log first, which takes longer than a clean start.
   */
  public Duration up(Duration timeout) {
    long start = System.nanoTime();
    config.write(configFile);
    if (config.getList("platform.processes").contains(SUPERSET) && supervisor.running(SUPERSET).isEmpty()) {
      SupersetServer.prepare(config);
    }
    if (config.getList("platform.processes").contains(AirflowServer.NAME)
        && supervisor.running(AirflowServer.SCHEDULER).isEmpty()) {
      AirflowServer.prepare(config, configFile);
    }
    if (wantedProcesses().contains(MonitoringServer.PROMETHEUS)
        && supervisor.running(MonitoringServer.PROMETHEUS).isEmpty()) {
      MonitoringServer.prepare(config);
    }
    List<ProcessSpec> specs = processes();
    checkPortsOfStoppedProcesses(specs);
    kafka.prepare(kafka.nodeIds().stream().filter(id -> runsHere(KafkaCluster.processName(id))).toList());
    List<ProcessSpec> infrastructure = specs.stream().filter(s -> !LATE.contains(s.name())).toList();
    infrastructure.forEach(supervisor::start);
    for (ProcessSpec spec : infrastructure) {
      awaitPort(spec, timeout);
    }
    ObjectStore.ensureBucket(config);
    int nodes = kafka.nodeIds().size();
    await("Kafka cluster with " + nodes + " brokers", () -> kafka.liveBrokers() == nodes, null, timeout);
    if (KafkaClients.secured(config)) {
      KafkaAcls.grant(config);
    }
    IcebergCatalogs.ensureNamespaces(config);
    for (ProcessSpec late : specs.stream().filter(s -> LATE.contains(s.name())).toList()) {
      supervisor.start(late);
      awaitPort(late, timeout);
    }
    if (runsHere(SUPERSET)) {
      await("Superset's /health", () -> SupersetServer.healthy(config), SUPERSET, timeout);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private void checkPortsOfStoppedProcesses(List<ProcessSpec> specs) {
    for (ProcessSpec spec : specs) {
      if (spec.listens() && supervisor.running(spec.name()).isEmpty()) {
        Ports.requireFree(host, spec.port(), spec.portKey());
      }
    }
    for (int i = 0; i < kafka.nodeIds().size(); i++) {
      String key = kafka.controllerPortKeys().get(i);
      String node = KafkaCluster.processName(kafka.nodeIds().get(i));
      if (runsHere(node) && supervisor.running(node).isEmpty()) {
        Ports.requireFree(host, config.getInt(key), key);
      }
    }
  }

  private void awaitPort(ProcessSpec spec, Duration timeout) {
    if (!spec.listens()) {
      await(spec.name() + " running", () -> supervisor.running(spec.name()).isPresent(), spec.name(), timeout);
      return;
    }
    await(spec.name() + " on port " + spec.port(), () -> Ports.accepting(host, spec.port()), spec.name(), timeout);
  }

  /**
   * Waits for a condition; fails at once, with the log's tail, if the local process behind it (null: none, the
   * condition is about other machines too) has died.
   */
  private void await(String what, BooleanSupplier condition, String processName, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (processName != null && supervisor.running(processName).isEmpty()) {
        throw new IllegalStateException(processName + " exited while starting; last lines of "
            + supervisor.logFile(processName) + ":\n" + supervisor.logTail(processName, 30));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what
            + (processName != null ? "; see " + supervisor.logFile(processName) : ""));
      }
      sleep(200);
    }
  }

  /**
   * Stops everything: the monitoring processes, Airflow, Superset, the Thrift server and the registry first, the
   * Kafka nodes together (one at a time would lose the quorum).
   */
  public void down() {
    MonitoringServer.PROCESSES.forEach(name -> supervisor.stop(name, STOP_GRACE));
    AirflowServer.PROCESSES.forEach(name -> supervisor.stop(name, STOP_GRACE));
    supervisor.stop(SUPERSET, STOP_GRACE);
    supervisor.stop(THRIFT, STOP_GRACE);
    supervisor.stop(REGISTRY, STOP_GRACE);
    kafka.nodeIds().parallelStream()
        .forEach(id -> supervisor.stop(KafkaCluster.processName(id), STOP_GRACE));
    supervisor.stop(ObjectStore.NAME, STOP_GRACE);
    supervisor.stop(CatalogServer.NAME, STOP_GRACE);
  }

  public List<ProcessStatus> status() {
    return processes().stream().map(supervisor::status).toList();
  }

  public boolean healthy() {
    return status().stream().allMatch(ProcessStatus::healthy);
  }

  /** What scripts need to reach the platform. */
  public Map<String, String> endpoints() {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("kafka_bootstrap", config.get("kafka.bootstrap.servers"));
    e.put("registry_url", config.get("registry.url"));
    e.put("s3_endpoint", config.get("s3.endpoint"));
    e.put("s3_bucket", config.get("s3.bucket"));
    e.put("catalog_uri", config.get("catalog.uri"));
    e.put("catalog_warehouse", config.get("catalog.warehouse"));
    e.put("jdbc_url", config.get("serve.jdbc.url"));
    e.put("jdbc_auth", jdbcAuth());
    if (runsHere(SUPERSET)) {
      e.put("superset_url", SupersetServer.url(config));
    }
    if (runsHere(AirflowServer.API_SERVER)) {
      e.put("airflow_url", AirflowServer.url(config));
    }
    if (runsHere(MonitoringServer.PROMETHEUS)) {
      e.put("prometheus_url", MonitoringServer.prometheusUrl(config));
    }
    if (runsHere(MonitoringServer.ALERTMANAGER)) {
      e.put("alertmanager_url", MonitoringServer.alertmanagerUrl(config));
    }
    e.put("config_file", configFile.toString());
    return e;
  }

  /** How JDBC clients authenticate: "password" or "none" (the local default). */
  public String jdbcAuth() {
    return config.get("serve.thrift.password").isEmpty() ? "none" : "password";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
