package io.olistlakehouse.bench.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.process.JavaCommand;
import io.olistlakehouse.platform.process.ProcessSpec;
import io.olistlakehouse.platform.process.ProcessSupervisor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A Kafka Connect worker in standalone mode (ConnectStandalone), in a JVM of its own with its own classpath, like the
 * platform's s3proxy. Standalone keeps connector offsets in a file and has no config/status/offsets topics; a sink's
 * consumers still form a consumer group, which the Iceberg sink needs to elect its commit coordinator. Connectors are
 * created and watched through the worker's REST API once it is up, so the worker's start-up is never timed.
 */
final class ConnectWorker implements AutoCloseable {

  static final String PROCESS = "connect-worker";
  /** Worker settings passed through as they are: bench.connect.worker.<key>=<value>. */
  static final String WORKER_PREFIX = "bench.connect.worker.";
  /** By name: this JVM has no Connect API on its classpath, so the class must not be loaded here. */
  static final String CONVERTER = "io.olistlakehouse.bench.connect.ContractAvroConverter";

  private final LakehouseConfig config;
  private final ProcessSupervisor supervisor;
  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper mapper = new ObjectMapper();

  private ConnectWorker(LakehouseConfig config, ProcessSupervisor supervisor) {
    this.config = config;
    this.supervisor = supervisor;
    this.baseUrl = "http://" + config.get("lakehouse.host") + ":" + config.get("bench.connect.rest.port");
  }

  /** Starts the worker with its files under {@code dir} and returns once its REST API answers. */
  static ConnectWorker start(LakehouseConfig config, Path dir, PrintStream out) {
    ProcessSupervisor supervisor = new ProcessSupervisor(config.getPath("work.dir"), config.get("lakehouse.host"));
    if (supervisor.running(PROCESS).isPresent()) {
      throw new IllegalStateException("a Connect worker of an earlier run is still running (pid file under "
          + config.getPath("work.dir").resolve("run") + "); stop it first");
    }
    Path settings = writeSettings(config, dir);
    List<String> cmd = List.of(JavaCommand.javaExecutable(), "-Xmx" + config.get("bench.connect.heap"),
        "-Dlog4j.configuration=" + config.getPath("bench.connect.log4j.config").toUri(),
        "-cp", WorkerClasspath.resolve(config, out),
        // The sink reads the worker's Kafka settings by parsing this very command line: main class, then the file.
        "org.apache.kafka.connect.cli.ConnectStandalone", settings.toString());
    int port = config.getInt("bench.connect.rest.port");
    ConnectWorker worker = new ConnectWorker(config, supervisor);
    long started = System.nanoTime();
    supervisor.start(new ProcessSpec(PROCESS, cmd, dir, Map.of(), port, "bench.connect.rest.port"));
    try {
      worker.awaitRest(Duration.ofSeconds(config.getLong("bench.connect.start.timeout.seconds")));
    } catch (RuntimeException e) {
      worker.close();
      throw e;
    }
    out.printf("Connect worker up in %.1f s (not timed), log %s%n", (System.nanoTime() - started) / 1e9,
        supervisor.logFile(PROCESS));
    return worker;
  }

  private static Path writeSettings(LakehouseConfig config, Path dir) {
    Properties p = new Properties();
    p.setProperty("bootstrap.servers", config.get("kafka.bootstrap.servers"));
    p.setProperty("listeners", "http://" + config.get("lakehouse.host") + ":" + config.get("bench.connect.rest.port"));
    // Standalone mode keeps source offsets in a file; a sink's offsets live in Kafka (here: the sink's own commits).
    p.setProperty("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
    p.setProperty("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    p.setProperty("value.converter", CONVERTER);
    p.setProperty("value.converter.schema.registry.url", config.get("registry.url"));
    config.withPrefix(WORKER_PREFIX).forEach(p::setProperty);
    Path file = dir.resolve("worker.properties");
    try {
      Files.createDirectories(dir);
      try (Writer w = Files.newBufferedWriter(file)) {
        p.store(w, "written by bin/lakehouse bench ingest --vs connect from configs/lakehouse.properties");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  private void awaitRest(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (supervisor.running(PROCESS).isEmpty()) {
        throw new IllegalStateException("the Connect worker exited while starting:\n"
            + supervisor.logTail(PROCESS, 30));
      }
      try {
        if (send("GET", "/", null).statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the Connect worker's REST API did not answer at " + baseUrl + " within "
            + timeout.toSeconds() + " s:\n" + supervisor.logTail(PROCESS, 30));
      }
      sleep(250);
    }
  }

  void createConnector(String name, Map<String, String> connectorConfig) {
    Map<String, Object> body = Map.of("name", name, "config", connectorConfig);
    HttpResponse<String> response = send("POST", "/connectors", body);
    if (response.statusCode() != 201) {
      throw new IllegalStateException("the Connect worker refused connector " + name + ": HTTP "
          + response.statusCode() + " " + response.body());
    }
  }

  /** The trace of a failed connector or task, if any: a failed sink never lands the rest, so the run stops. */
  Optional<String> failure(String name) {
    if (supervisor.running(PROCESS).isEmpty()) {
      return Optional.of("the Connect worker exited:\n" + supervisor.logTail(PROCESS, 30));
    }
    HttpResponse<String> response = send("GET", "/connectors/" + name + "/status", null);
    if (response.statusCode() != 200) {
      return Optional.empty(); // tasks not assigned yet
    }
    try {
      JsonNode status = mapper.readTree(response.body());
      if ("FAILED".equals(status.path("connector").path("state").asText())) {
        return Optional.of("connector failed: " + status.path("connector").path("trace").asText());
      }
      for (JsonNode task : status.path("tasks")) {
        if ("FAILED".equals(task.path("state").asText())) {
          return Optional.of("task " + task.path("id").asText() + " failed: " + task.path("trace").asText());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the connector's tasks before the worker goes; a worker that is already gone has nothing to stop. */
  void deleteConnector(String name) {
    try {
      send("DELETE", "/connectors/" + name, null);
    } catch (RuntimeException gone) {
      // the worker exited; the failure that made it exit is what gets reported
    }
  }

  String logTail(int lines) {
    return supervisor.logTail(PROCESS, lines);
  }

  @Override
  public void close() {
    supervisor.stop(PROCESS, Duration.ofSeconds(config.getLong("bench.connect.stop.grace.seconds")));
  }

  private HttpResponse<String> send(String method, String path, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
      if (body != null) {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("the Connect worker at " + baseUrl + " did not answer " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the Connect worker", e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
