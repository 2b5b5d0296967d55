package io.olistlakehouse.testing;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.registry.InMemorySchemaLog;
import io.olistlakehouse.platform.registry.SchemaRegistryServer;
import java.nio.file.Path;
import java.util.Map;

/** A real registry server on an ephemeral port over an in-memory log, for tests. */
public final class TestRegistry implements AutoCloseable {

  private final LakehouseConfig config;
  private final InMemorySchemaLog log;
  private final SchemaRegistryServer server;

  private TestRegistry(InMemorySchemaLog log, Map<String, String> settings) {
    // The project configuration without environment overrides, on a free port.
    LakehouseConfig base = LakehouseConfig.load(Path.of("configs/lakehouse.properties"), Map.of(), Path.of("."))
        .withOverrides(settings);
    LakehouseConfig onFreePort = base.withOverrides(Map.of("registry.port", "0"));
    this.log = log;
    this.server = new SchemaRegistryServer(onFreePort, log).start();
    this.config = base.withOverrides(Map.of("registry.port", String.valueOf(server.port())));
  }

  public static TestRegistry start() {
    return new TestRegistry(new InMemorySchemaLog(), Map.of());
  }

  /** A new server replaying an existing log, as after a restart. */
  public static TestRegistry start(InMemorySchemaLog log) {
    return new TestRegistry(log, Map.of());
  }

  /** A server with some configuration keys set ({@code registry.user}, for one). */
  public static TestRegistry start(Map<String, String> settings) {
    return new TestRegistry(new InMemorySchemaLog(), settings);
  }

  /** The configuration whose {@code registry.url} points at this server. */
  public LakehouseConfig config() {
    return config;
  }

  public String url() {
    return config.get("registry.url");
  }

  public InMemorySchemaLog log() {
    return log;
  }

  @Override
  public void close() {
    server.close();
  }
}
