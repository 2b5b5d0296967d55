package io.olistlakehouse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.airflow.AirflowPlan;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.airflow.AirflowServer;
import io.olistlakehouse.platform.process.Ports;
import io.olistlakehouse.platform.process.ProcessSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Airflow for one test, in its own home on the shared platform, with the test's configuration overrides: its CLI,
 * its scheduler and API server started and stopped by the test, and its REST API.
 */
public final class TestAirflow implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LakehouseConfig config;
  private final Map<String, String> env;
  private final List<Process> started = new ArrayList<>();
  // HTTP/1.1: the API server (uvicorn) answers 400 to the HTTP/2 upgrade Java asks for by default.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private String token;

  /** {@code overrides} also reach the tasks' spark-submits, as LAKEHOUSE_* variables. */
  public TestAirflow(TestPlatform platform, Map<String, String> overrides) {
    this.config = platform.config().withOverrides(overrides);
    this.env = new LinkedHashMap<>(AirflowServer.environment(config, platform.configFile()));
    overrides.forEach((k, v) -> env.put(LakehouseConfig.envName(k), v));
    AirflowPlan.prepare(config, platform.configFile());
  }

  public LakehouseConfig config() {
    return config;
  }

  /** Airflow's CLI; returns its exit code and output (stdout and stderr together). */
  public TestLauncher.Result cli(String... args) {
    return run(AirflowServer.airflow(config, args));
  }

  /** A Python script in Airflow's venv with these settings. */
  public TestLauncher.Result python(Path script) {
    return run(List.of(config.getPath("airflow.venv").resolve("bin/python").toString(), script.toString()));
  }

  private TestLauncher.Result run(List<String> cmd) {
    try {
      Path out = Files.createTempFile("airflow", ".out");
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(config.getPath("airflow.home").toFile())
          .redirectErrorStream(true).redirectOutput(out.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException(cmd + " did not finish in 10 minutes: " + Files.readString(out));
      }
      return new TestLauncher.Result(p.exitValue(), Files.readString(out), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts the named platform processes of Airflow (their logs: {@code <airflow.home>/<name>.log}). */
  public void start(String... names) throws IOException, InterruptedException {
    for (ProcessSpec spec : AirflowServer.processes(config, Path.of(env.get(LakehouseConfig.CONFIG_FILE_ENV)))) {
      if (List.of(names).contains(spec.name())) {
        ProcessBuilder pb = new ProcessBuilder(spec.command()).directory(spec.workingDir().toFile())
            .redirectErrorStream(true).redirectOutput(spec.workingDir().resolve(spec.name() + ".log").toFile());
        pb.environment().putAll(env);
        started.add(pb.start());
      }
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!Ports.accepting(config.get("airflow.host"), config.getInt("airflow.port"))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Airflow's API server did not listen within 2 minutes");
      }
      Thread.sleep(500);
    }
  }

  /** A GET of the REST API ({@code /api/v2/...}). */
  public JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public JsonNode post(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json"));
  }

  public JsonNode patch(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json"));
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpRequest built = request.header("Authorization", "Bearer " + token()).build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString());
      // Airflow's SQLite database answers "database is locked" after 5 s when a task writes at the same moment (a
      // 500 "Database error", its transaction rolled back); a few retries, as Airflow does for its own writes.
      if (r.statusCode() == 500 && r.body().contains("Database error") && attempt < 4) {
        Thread.sleep(2000L * attempt);
        continue;
      }
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException(built.method() + " " + r.uri() + ": " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body());
    }
  }

  /** A token for the admin user, whose password the API server generated on its first start. */
  private String token() throws IOException, InterruptedException {
    if (token == null) {
      Path passwords = config.getPath("airflow.home").resolve("simple_auth_manager_passwords.json.generated");
      String user = config.get("airflow.admin.user");
      String body = JSON.createObjectNode().put("username", user)
          .put("password", JSON.readTree(passwords.toFile()).get(user).asText()).toString();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(AirflowServer.url(config) + "/auth/token"))
          .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException("no token: " + r.statusCode() + " " + r.body());
      }
      token = JSON.readTree(r.body()).get("access_token").asText();
    }
    return token;
  }

  private URI uri(String path) {
    return URI.create(AirflowServer.url(config) + path);
  }

  /** Stops what {@link #start} started. */
  @Override
  public void close() {
    for (Process p : started) {
      p.destroy();
    }
    for (Process p : started) {
      try {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    started.clear();
  }
}
