package io.olistlakehouse.serve;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving layer's process: a Spark Thrift Server over the lakehouse catalog. Its catalog cache is off, so every
 * query sees the jobs' latest commits. What JDBC clients browse is published in its session catalog before the port
 * opens, and again as tables appear.
 */
public final class ThriftServerMain {

  public static final String MANIFEST = "serve_thrift";
  private static final String CUSTOM_AUTH_CLASS = "hive.server2.custom.authentication.class";
  private static final Logger LOG = LoggerFactory.getLogger(ThriftServerMain.class);

  private ThriftServerMain() {}

  public static void main(String[] args) throws Exception {
    LakehouseConfig config = serverConfig(LakehouseConfig.load());
    // Hive looks the CUSTOM provider up in a HiveConf of its own making, which sees system properties only.
    System.setProperty(CUSTOM_AUTH_CLASS, PasswordAuthenticator.class.getName());
    SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, MANIFEST));
    SessionCatalogPublisher publisher = new SessionCatalogPublisher(spark, config);
    Duration interval = Duration.ofSeconds(config.getPositiveLong("serve.publish.interval.seconds"));
    publish(publisher, interval);
    HiveThriftServer2 server = HiveThriftServer2.startWithContext(spark.sqlContext());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      spark.stop();
    }, "thrift-server-stop"));
    LOG.info("Thrift server listening on {} ({})", config.get("serve.jdbc.url"),
        authenticated(config) ? "user and password required" : "no authentication");
    while (true) {
      Thread.sleep(interval.toMillis());
      publish(publisher, interval);
    }
  }

  private static void publish(SessionCatalogPublisher publisher, Duration interval) {
    try {
      publisher.publishMissing();
    } catch (RuntimeException e) {
      // The catalog or the object store may be away for a while; the next pass tries again.
      LOG.warn("publishing in the session catalog failed; retrying in {}", interval, e);
    }
  }

  /** Whether clients must give {@code serve.thrift.user} and {@code serve.thrift.password}. */
  public static boolean authenticated(LakehouseConfig config) {
    return !config.get("serve.thrift.password").isEmpty();
  }

  /**
   * The configuration with what the server fixes: its address, the catalog cache off, authentication as configured,
   * and Hive's scratch directories under the work directory.
   */
  static LakehouseConfig serverConfig(LakehouseConfig config) {
    Path dir = config.getPath("work.dir").resolve("thrift");
    Map<String, String> fixed = new LinkedHashMap<>();
    fixed.put("catalog.property.cache-enabled", "false");
    String hive = "serve.spark.hadoop.hive.";
    fixed.put(hive + "server2.thrift.bind.host", config.get("serve.thrift.host"));
    fixed.put(hive + "server2.thrift.port", config.get("serve.thrift.port"));
    if (authenticated(config)) {
      fixed.put(hive + "server2.authentication", "CUSTOM");
    } else {
      fixed.put(hive + "server2.authentication", "NONE");
    }
    fixed.put(hive + "exec.scratchdir", dir.resolve("scratch").toString());
    fixed.put(hive + "exec.local.scratchdir", dir.resolve("local-scratch").toString());
    fixed.put(hive + "querylog.location", dir.resolve("querylog").toString());
    fixed.put(hive + "server2.logging.operation.log.location", dir.resolve("operation-logs").toString());
    return config.withOverrides(fixed);
  }
}
