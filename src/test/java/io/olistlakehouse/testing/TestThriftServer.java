package io.olistlakehouse.testing;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.process.Ports;
import io.olistlakehouse.serve.jdbc.HiveJdbc;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Thrift server of a test's own, serving that test's namespaces: a node of the shared platform that runs only the
 * process {@code thrift}, as a serving node of a multi-node layout would, with its own port and work directory.
 */
public final class TestThriftServer implements AutoCloseable {

  private final Platform node;

  public TestThriftServer(TestPlatform fixture, String name, Map<String, String> overrides) {
    Map<String, String> all = new LinkedHashMap<>(overrides);
    all.put("work.dir", fixture.config().getPath("work.dir").resolve("serving-" + name).toString());
    all.put("platform.processes", Platform.THRIFT);
    all.put("serve.thrift.port", Integer.toString(Ports.ephemeral()));
    all.put("serve.thrift.metrics.port", Integer.toString(Ports.ephemeral()));
    all.put("serve.publish.interval.seconds", "2");
    this.node = new Platform(fixture.config().withOverrides(all));
  }

  public TestThriftServer up() {
    node.up();
    return this;
  }

  public void down() {
    node.down();
  }

  public LakehouseConfig config() {
    return node.config();
  }

  public Path log() {
    return node.supervisor().logFile(Platform.THRIFT);
  }

  public Connection connect() throws SQLException {
    return HiveJdbc.connect(config());
  }

  @Override
  public void close() {
    down();
  }
}
