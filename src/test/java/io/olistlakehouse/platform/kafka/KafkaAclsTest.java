package io.olistlakehouse.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** What each principal of a secured cluster is allowed: the replayer writes the stream topics, the jobs read them. */
class KafkaAclsTest {

  private static final Path HOME = Path.of(System.getProperty("lakehouse.home", ".")).toAbsolutePath();
  private static final LakehouseConfig CONFIG = LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"),
      Map.of(), HOME).withOverrides(Map.of("replay.topic.prefix", "olist.", "kafka.security.protocol",
          "SASL_PLAINTEXT"));

  private static Set<AclOperation> onStreamTopics(List<AclBinding> bindings, String user) {
    return bindings.stream()
        .filter(b -> b.entry().principal().equals("User:" + user))
        .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC && b.pattern().name().equals("olist.")
            && b.pattern().patternType() == PatternType.PREFIXED)
        .map(b -> b.entry().operation()).collect(Collectors.toSet());
  }

  @Test
  void theReplayerWritesAndTheJobsReadTheTopicsOfThePrefix() {
    List<AclBinding> bindings = KafkaAcls.bindings(CONFIG);
    assertEquals(Set.of(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.WRITE),
        onStreamTopics(bindings, CONFIG.get("kafka.replayer.user")));
    assertEquals(Set.of(AclOperation.READ, AclOperation.DESCRIBE),
        onStreamTopics(bindings, CONFIG.get("kafka.jobs.user")));
    assertTrue(bindings.stream().anyMatch(b -> b.pattern().resourceType() == ResourceType.TOPIC
        && b.pattern().name().equals("olist._replay_position") && b.entry().operation() == AclOperation.READ),
        "the replayer reads back its position topic");
  }

  @Test
  void withoutATopicPrefixTheStreamTopicsCannotBeNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KafkaAcls.bindings(CONFIG.withOverrides(Map.of("replay.topic.prefix", ""))));
    assertTrue(e.getMessage().contains("replay.topic.prefix"), e.getMessage());
  }
}
