package io.olistlakehouse.platform.registry;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's Confluent-compatible schema registry: a REST server on the JDK's HTTP server, bound to
 * {@code lakehouse.host}:{@code registry.port}, whose state is replayed from a {@link SchemaLog} (by default the
 * compacted Kafka topic {@code registry.topic}) before it accepts requests.
 */
public final class SchemaRegistryServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SchemaRegistryServer.class.getName());
  private static final int HTTP_THREADS = 4;
  private static final int STOP_GRACE_SECONDS = 1;

  private final LakehouseConfig config;
  private final SchemaLog log;
  private HttpServer http;
  private ExecutorService executor;

  /** A registry persisting to the Kafka topic of the configuration. */
  public SchemaRegistryServer(LakehouseConfig config) {
    this(config, new KafkaSchemaLog(config));
  }

  /** A registry on any log (tests use an in-memory one); the server closes the log. */
  public SchemaRegistryServer(LakehouseConfig config, SchemaLog log) {
    this.config = config;
    this.log = log;
  }

  /** Replays the log, then binds and serves; the port opens only when the state is complete. */
  public synchronized SchemaRegistryServer start() {
    if (http != null) {
      throw new IllegalStateException("schema registry already started");
    }
    CompatibilityLevel defaultLevel =
        CompatibilityLevel.parse(config.get("registry.default.compatibility", "BACKWARD"));
    SchemaStore store = new SchemaStore(defaultLevel);
    AtomicInteger records = new AtomicInteger();
    log.replay(record -> {
      store.apply(record);
      records.incrementAndGet();
    });
    InetSocketAddress address = new InetSocketAddress(config.get("lakehouse.host"), config.getInt("registry.port"));
    try {
      http = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("schema registry cannot listen on " + address, e);
    }
    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newFixedThreadPool(HTTP_THREADS, task -> {
      Thread t = new Thread(task, "registry-http-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(executor);
    HttpContext context = http.createContext("/", new RegistryHttpHandler(new RegistryService(store, log)));
    String user = config.get("registry.user", "");
    if (!user.isEmpty()) {
      context.setAuthenticator(new PasswordCheck(user, config.get("registry.password")));
    }
    http.start();
    LOG.log(System.Logger.Level.INFO, "schema registry listening on {0}:{1,number,#} ({2} log records replayed, "
        + "{3} subjects)", address.getHostString(), port(), records.get(), store.subjects(true).size());
    return this;
  }

  /** The bound port (the real one when {@code registry.port} is 0). */
  public synchronized int port() {
    if (http == null) {
      throw new IllegalStateException("schema registry not started");
    }
    return http.getAddress().getPort();
  }

  @Override
  public synchronized void close() {
    if (http != null) {
      http.stop(STOP_GRACE_SECONDS);
      executor.shutdown();
      try {
        executor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      http = null;
    }
    log.close();
  }

  /** Runs the registry of the project configuration until the process is terminated (SIGTERM). */
  public static void main(String[] args) throws InterruptedException {
    SchemaRegistryServer server = new SchemaRegistryServer(LakehouseConfig.load());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } finally {
        stopped.countDown();
      }
    }, "registry-shutdown"));
    try {
      server.start();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "schema registry failed to start: " + e.getMessage(), e);
      System.exit(1);
    }
    stopped.await();
  }
}
