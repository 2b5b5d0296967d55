package io.olistlakehouse.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.process.ProcessSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which processes a machine starts comes from configuration: all on one machine, a subset per node otherwise. */
class PlatformProcessesTest {

  private static final Path HOME = Path.of(System.getProperty("lakehouse.home", ".")).toAbsolutePath();

  private static LakehouseConfig config(Map<String, String> env) {
    return LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"), env, HOME);
  }

  @Test
  void oneMachineRunsEveryProcessInStartOrder() {
    List<String> names = new Platform(config(Map.of())).processes().stream().map(ProcessSpec::name).toList();
    assertEquals(List.of("catalog", "s3", "kafka-1", "kafka-2", "kafka-3", "registry", "thrift"), names);
  }

  @Test
  void aNodeOfAMultiNodeLayoutRunsOnlyItsOwnProcesses() {
    Platform streamNode = new Platform(config(Map.of("LAKEHOUSE_PLATFORM_PROCESSES", "kafka-2,s3",
        "LAKEHOUSE_KAFKA_NODE_2_HOST", "10.0.0.12")));
    List<ProcessSpec> specs = streamNode.processes();
    assertEquals(List.of("s3", "kafka-2"), specs.stream().map(ProcessSpec::name).toList());
    assertTrue(streamNode.config().get("kafka.bootstrap.servers").contains("10.0.0.12:9094"),
        "every client's bootstrap follows the node's host");
  }

  @Test
  void anUnknownProcessNameIsAnErrorListingTheKnownOnes() {
    Platform platform = new Platform(config(Map.of("LAKEHOUSE_PLATFORM_PROCESSES", "kafka-1,minio")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, platform::processes);
    assertTrue(e.getMessage().contains("minio") && e.getMessage().contains("registry"), e.getMessage());
  }
}
