package io.olistlakehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Trino with its Iceberg connector over the same catalog and S3 API: the anchor of {@code bench serve --vs trino}.
 * Installed on first use under {@code bench.trino.dir} (the server tarball from Maven Central, plus the H2 driver
 * its Iceberg plugin lacks), configured from the project's configuration, run on the JDK of
 * {@code bench.trino.java.home} and queried over its HTTP API, one client per connection as a dashboard would.
 */
final class TrinoAnchor implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LakehouseConfig config;
  private final Path home;
  private final String baseUrl;
  private Process process;

  TrinoAnchor(LakehouseConfig config) {
    this.config = config;
    this.home = config.getPath("bench.trino.dir").resolve("trino-server-" + config.get("bench.trino.version"));
    this.baseUrl = "http://" + config.get("lakehouse.host") + ":" + config.get("bench.trino.port");
  }

  TrinoAnchor start(PrintStream out) throws Exception {
    install(out);
    configure();
    Path log = home.resolve("server.log");
    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/launcher").toString(), "run")
        .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JAVA_HOME", config.get("bench.trino.java.home"));
    pb.environment().put("PATH", config.get("bench.trino.java.home") + "/bin:" + System.getenv("PATH"));
    long started = System.nanoTime();
    process = pb.start();
    long deadline = started + Duration.ofSeconds(config.getLong("bench.trino.start.timeout.seconds")).toNanos();
    // For seconds after it answers, a scan fails with NO_NODES_AVAILABLE: probe with a real one.
    String probe = "SELECT count(*) FROM " + config.get("catalog.name") + "." + config.get("batch.gold.namespace")
        + ".fact_order_lead_days";
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Trino exited while starting; see " + log);
      }
      try {
        new Client().run(probe);
        break;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Trino did not answer within bench.trino.start.timeout.seconds; see "
              + log, e);
        }
        Thread.sleep(1000);
      }
    }
    out.printf("== Trino %s answering on %s after %.1f s (log %s)%n", config.get("bench.trino.version"), baseUrl,
        (System.nanoTime() - started) / 1e9, log);
    return this;
  }

  private void install(PrintStream out) throws Exception {
    if (Files.isExecutable(home.resolve("bin/launcher"))) {
      return;
    }
    Path dir = Files.createDirectories(home.getParent());
    String artifact = "io.trino:trino-server:" + config.get("bench.trino.version") + ":tar.gz";
    out.println("== installing Trino into " + dir + " (" + artifact + " from Maven, about 820 MB, once)");
    run(dir, config.get("bench.trino.maven"), "-q", "dependency:copy", "-Dartifact=" + artifact,
        "-DoutputDirectory=" + dir);
    Path tarball = dir.resolve("trino-server-" + config.get("bench.trino.version") + ".tar.gz");
    run(dir, "tar", "xzf", tarball.toString());
    Files.delete(tarball);
    // Only the Iceberg plugin is needed; the others cost start-up time and memory.
    Path unused = Files.createDirectories(home.resolve("plugin-unused"));
    try (Stream<Path> plugins = Files.list(home.resolve("plugin"))) {
      for (Path plugin : plugins.toList()) {
        if (!plugin.getFileName().toString().equals("iceberg")) {
          Files.move(plugin, unused.resolve(plugin.getFileName()));
        }
      }
    }
    Files.copy(h2Jar(), home.resolve("plugin/iceberg").resolve(h2Jar().getFileName()),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** The H2 driver the catalog server runs with, from the project's classpath. */
  private Path h2Jar() throws IOException {
    String classpath = Files.readString(config.getPath("external.spark.classpath.file"));
    return Stream.of(classpath.trim().split(java.io.File.pathSeparator)).map(Path::of)
        .filter(p -> p.getFileName().toString().startsWith("h2-")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no H2 jar in " + config.get("external.spark.classpath.file")));
  }

  private void configure() throws IOException {
    Path etc = Files.createDirectories(home.resolve("etc/catalog"));
    String host = config.get("lakehouse.host");
    String port = config.get("bench.trino.port");
    write(etc.resolveSibling("node.properties"), "node.environment=lakehouse_bench", "node.id=lakehouse-bench-1",
        "node.data-dir=" + home.resolve("data"), "node.bind-ip=" + host, "node.internal-address=" + host);
    write(etc.resolveSibling("config.properties"), "coordinator=true", "node-scheduler.include-coordinator=true",
        "http-server.http.port=" + port, "discovery.uri=http://" + host + ":" + port, "query.max-memory=1GB",
        "query.max-memory-per-node=1GB");
    write(etc.resolveSibling("jvm.config"), "-server", "-Xmx" + config.get("bench.trino.heap"), "-XX:+UseG1GC",
        "-XX:G1HeapRegionSize=32M", "-XX:+ExplicitGCInvokesConcurrent", "-XX:+ExitOnOutOfMemoryError",
        "-XX:-OmitStackTraceInFastThrow", "-XX:ReservedCodeCacheSize=512M", "-Djdk.attach.allowAttachSelf=true",
        "-Djdk.nio.maxCachedBufferSize=2000000", "-Dfile.encoding=UTF-8", "-XX:+EnableDynamicAgentLoading");
    write(etc.resolve(config.get("catalog.name") + ".properties"), "connector.name=iceberg",
        "iceberg.catalog.type=jdbc", "iceberg.jdbc-catalog.driver-class=org.h2.Driver",
        "iceberg.jdbc-catalog.connection-url=" + config.get("catalog.uri"),
        "iceberg.jdbc-catalog.connection-user=" + config.get("catalog.user"),
        "iceberg.jdbc-catalog.connection-password=" + config.get("catalog.password"),
        "iceberg.jdbc-catalog.catalog-name=" + config.get("catalog.name"),
        "iceberg.jdbc-catalog.schema-version=V1",
        "iceberg.jdbc-catalog.default-warehouse-dir=" + config.get("catalog.warehouse"),
        "fs.native-s3.enabled=true", "s3.endpoint=" + config.get("s3.endpoint"),
        "s3.path-style-access=" + config.get("s3.path.style.access"), "s3.region=" + config.get("s3.region"),
        "s3.aws-access-key=" + config.get("s3.access.key"), "s3.aws-secret-key=" + config.get("s3.secret.key"));
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private static void run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + String.join(" ", command));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  QueryTimer.Client client() {
    return new Client();
  }

  /** One client: Trino's HTTP protocol (POST the statement, follow nextUri until there is none). */
  final class Client implements QueryTimer.Client {

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public long run(String sql) throws Exception {
      HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/statement"))
          .POST(HttpRequest.BodyPublishers.ofString(sql));
      JsonNode page = send(post);
      long rows = 0;
      while (true) {
        if (page.has("error")) {
          JsonNode error = page.get("error");
          throw new IllegalStateException("Trino: " + error.path("errorName").asText() + ": "
              + error.path("message").asText());
        }
        rows += page.path("data").size();
        if (!page.hasNonNull("nextUri")) {
          return rows;
        }
        page = send(HttpRequest.newBuilder(URI.create(page.get("nextUri").asText())).GET());
      }
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(request.header("X-Trino-User", config.get("serve.thrift.user"))
          .header("X-Trino-Client-Capabilities", "PARAMETRIC_DATETIME").build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("Trino answered HTTP " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    }

    @Override
    public void close() {
      // HttpClient holds no connection that needs closing on Java 17.
    }
  }
}
