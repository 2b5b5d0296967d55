package io.olistlakehouse.platform.process;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

  private static final String LOOPBACK = InetAddress.getLoopbackAddress().getHostAddress();

  @Test
  void aTakenPortFailsWithThePortItsKeyAndTheVariableToChangeIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertFalse(Ports.free(LOOPBACK, port));
      assertTrue(Ports.accepting(LOOPBACK, port));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> Ports.requireFree(LOOPBACK, port, "registry.port"));
      assertTrue(e.getMessage().contains("port " + port), e.getMessage());
      assertTrue(e.getMessage().contains("registry.port"), e.getMessage());
      assertTrue(e.getMessage().contains("LAKEHOUSE_REGISTRY_PORT"), e.getMessage());
    }
  }

  @Test
  void aFreePortPasses() {
    int port = Ports.ephemeral();
    assertDoesNotThrow(() -> Ports.requireFree(LOOPBACK, port, "s3.port"));
    assertFalse(Ports.accepting(LOOPBACK, port));
  }
}
