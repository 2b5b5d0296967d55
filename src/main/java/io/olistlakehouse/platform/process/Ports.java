package io.olistlakehouse.platform.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port checks: a taken port must fail fast, naming the port and the key that sets it. */
public final class Ports {

  private Ports() {}

  public static boolean accepting(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static boolean free(String host, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Throws with a message naming the port and its configuration key when it cannot be bound. */
  public static void requireFree(String host, int port, String key) {
    if (!free(host, port)) {
      throw new IllegalStateException(String.format(
          "port %d on %s (%s) is already in use by another process; stop that process or choose another port with %s",
          port, host, key, io.olistlakehouse.config.LakehouseConfig.envName(key)));
    }
  }

  /** An ephemeral port that was free a moment ago (tests use it to run beside a running default platform). */
  public static int ephemeral() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
