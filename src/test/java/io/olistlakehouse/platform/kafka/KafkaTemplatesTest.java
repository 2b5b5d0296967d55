package io.olistlakehouse.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
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
      KafkaCluster cluster = new KafkaCluster(config, HOME.resolve("unused"));
      String rendered = cluster.serverProperties(id, Path.of("/data/node" + id));
      // Only Kafka's own config-provider variables are left, for the node to resolve from its environment.
      assertFalse(rendered.replace("${env:LAKEHOUSE_KAFKA_ADMIN_PASSWORD}", "").contains("${"), rendered);
      Properties p = new Properties();
      p.load(new StringReader(rendered));
      assertEquals(id, p.getProperty("node.id"));
      String port = config.get("kafka.node." + id + ".port");
      assertEquals("CLIENT://" + config.get("kafka.node." + id + ".host") + ":" + port,
          p.getProperty("advertised.listeners"));
      assertEquals(config.get("kafka.controller.quorum.voters"), p.getProperty("controller.quorum.voters"));
      assertEquals("3", p.getProperty("default.replication.factor"));
      assertEquals("2", p.getProperty("min.insync.replicas"));
      assertEquals("false", p.getProperty("auto.create.topics.enable"));
      assertEquals("/data/node" + id, p.getProperty("log.dirs"));
      assertEquals("CLIENT:PLAINTEXT,CONTROLLER:PLAINTEXT", p.getProperty("listener.security.protocol.map"));
      assertEquals("", p.getProperty("authorizer.class.name"));
    }
    assertEquals("19094", config.get("kafka.node.2.port"));
  }

  @Test
  void theSecureProfileAuthenticatesEveryListenerAndKeepsThePasswordInTheEnvironment() throws Exception {
    String password = "made-up-admin-password";
    Path profile = HOME.resolve("configs/profiles/secure.properties");
    Map<String, String> env = new HashMap<>();
    for (String key : LakehouseConfig.readProperties(profile).get(LakehouseConfig.SECRET_KEYS).split("\\s*,\\s*")) {
      env.put(LakehouseConfig.envName(key), "made-up");
    }
    env.put("LAKEHOUSE_KAFKA_ADMIN_PASSWORD", password);
    LakehouseConfig config = LakehouseConfig.load(profile, env, HOME);
    String rendered = new KafkaCluster(config, HOME.resolve("unused")).serverProperties("1", Path.of("/data/node1"));
    Properties p = new Properties();
    p.load(new StringReader(rendered));
    assertEquals("CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT", p.getProperty("listener.security.protocol.map"));
    assertEquals("org.apache.kafka.metadata.authorizer.StandardAuthorizer", p.getProperty("authorizer.class.name"));
    assertEquals("User:" + config.get("kafka.admin.user"), p.getProperty("super.users"));
    assertTrue(p.getProperty("listener.name.client.scram-sha-512.sasl.jaas.config")
        .contains("password=\"${env:LAKEHOUSE_KAFKA_ADMIN_PASSWORD}\""), rendered);
    assertFalse(rendered.contains(password), "the admin's password is written in server.properties");
  }
}
