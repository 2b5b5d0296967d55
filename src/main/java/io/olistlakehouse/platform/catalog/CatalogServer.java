package io.olistlakehouse.platform.catalog;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.process.JavaCommand;
import io.olistlakehouse.platform.process.ProcessSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The catalog database: H2 in server mode, its own JVM, so streaming jobs, batch jobs and the Thrift server can all
 * commit through it. Production points catalog.uri at PostgreSQL instead and does not start this process.
 */
public final class CatalogServer {

  public static final String NAME = "catalog";
  private static final String H2_SERVER_MAIN = "org.h2.tools.Server";

  private CatalogServer() {}

  public static ProcessSpec process(LakehouseConfig config, Path configFile) {
    Path dataDir = config.getPath("work.dir").resolve("catalog");
    // -ifNotExists lets the first client create the database; the server listens on loopback only (no -tcpAllowOthers).
    List<String> args = List.of("-tcp", "-tcpPort", config.get("catalog.port"), "-baseDir", dataDir.toString(),
        "-ifNotExists");
    List<String> cmd = JavaCommand.forMain(config, configFile, config.get("catalog.heap"), H2_SERVER_MAIN, args);
    return new ProcessSpec(NAME, cmd, dataDir, Map.of(), config.getInt("catalog.port"), "catalog.port");
  }
}
