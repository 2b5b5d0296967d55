package io.olistlakehouse.platform.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one platform process and how to tell it is up.
 *
 * @param name short name used for the pid file, the log file and in {@code status}
 * @param command full command line
 * @param workingDir directory the process runs in
 * @param environment extra environment variables
 * @param port the port whose accepting connections means "healthy"; {@link #NO_PORT} for a process that listens
 *     nowhere (an Airflow scheduler), healthy while it runs
 * @param portKey the configuration key of that port, named in error messages
 */
public record ProcessSpec(
    String name, List<String> command, Path workingDir, Map<String, String> environment, int port, String portKey) {

  public static final int NO_PORT = 0;

  public boolean listens() {
    return port != NO_PORT;
  }
}
