package io.olistlakehouse.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The shipped configs/kafka templates render, with the project's defaults, into a consistent 3-node cluster. */
class KafkaTemplatesTest {

  private static final Path HOME = Path.of(System.getProperty("lakehouse.home", ".")).toAbsolutePath();

  @Test
  void everyNodeRendersWithItsOwnPortsAndTheSharedDurabilitySettings() throws Exception {
    LakehouseConfig config = LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"),
        Map.of("LAKEHOUSE_KAFKA_NODE_2_PORT", "19094"), HOME);
    for (String id : config.getList("kafka.nodes")) {
      String template = Files.readString(config.getPath("kafka.template.dir").resolve("server" + id + ".properties"));
      String rendered = config.render(template, Map.of("node.data.dir", "/data/node" + id));
      assertFalse(rendered.contains("${"), rendered);
      Properties p = new Properties();
      p.load(new StringReader(rendered));
      assertEquals(id, p.getProperty("node.id"));
      String port = config.get("kafka.node." + id + ".port");
      assertEquals("PLAINTEXT://" + config.get("kafka.node." + id + ".host") + ":" + port,
          p.getProperty("advertised.listeners"));
      assertEquals(config.get("kafka.controller.quorum.voters"), p.getProperty("controller.quorum.voters"));
      assertEquals("3", p.getProperty("default.replication.factor"));
      assertEquals("2", p.getProperty("min.insync.replicas"));
      assertEquals("false", p.getProperty("auto.create.topics.enable"));
      assertEquals("/data/node" + id, p.getProperty("log.dirs"));
    }
    assertEquals("19094", config.get("kafka.node.2.port"));
  }
}
