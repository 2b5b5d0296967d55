package io.olistlakehouse.serve.jdbc;

import io.olistlakehouse.config.LakehouseConfig;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A JDBC connection to the Thrift server through the Hive JDBC driver as BI tools use it: the standalone jar
 * ({@code serve.jdbc.driver.jar}), loaded in a class loader of its own, because it bundles Hive and Thrift classes
 * that clash with Spark's on this project's classpath. Only java.sql crosses between the two.
 */
public final class HiveJdbc {

  private static final String DRIVER_CLASS = "org.apache.hive.jdbc.HiveDriver";
  private static Driver driver;

  private HiveJdbc() {}

  /** A connection with the configured user and password (none when the password is empty). */
  public static Connection connect(LakehouseConfig config) throws SQLException {
    return connect(config, config.get("serve.thrift.user"), config.get("serve.thrift.password"));
  }

  public static Connection connect(LakehouseConfig config, String user, String password) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    Driver d = driver(config.getPath("serve.jdbc.driver.jar"));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(d.getClass().getClassLoader());
    try {
      Connection c = d.connect(config.get("serve.jdbc.url"), credentials);
      if (c == null) {
        throw new SQLException("the Hive driver does not accept " + config.get("serve.jdbc.url"));
      }
      return c;
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("Error validating the login")) {
        throw new SQLException("the Thrift server at " + config.get("serve.jdbc.url") + " refused user '" + user
            + "' with this password (serve.thrift.user, LAKEHOUSE_SERVE_THRIFT_PASSWORD)", "28000", e);
      }
      throw e;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static synchronized Driver driver(Path jar) throws SQLException {
    if (driver == null) {
      if (!Files.isRegularFile(jar)) {
        throw new SQLException("no Hive JDBC driver at " + jar + " (serve.jdbc.driver.jar; `mvn package` copies it)");
      }
      try {
        URLClassLoader loader = new URLClassLoader("hive-jdbc", new URL[] {jar.toUri().toURL()},
            ClassLoader.getPlatformClassLoader());
        driver = (Driver) loader.loadClass(DRIVER_CLASS).getDeclaredConstructor().newInstance();
      } catch (MalformedURLException | ReflectiveOperationException e) {
        throw new SQLException("cannot load " + DRIVER_CLASS + " from " + jar, e);
      }
    }
    return driver;
  }
}
