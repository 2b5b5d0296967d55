package io.olistlakehouse.replay;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.platform.kafka.KafkaTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics of one replay target: a topic per bronze stream, named after it, plus the position topic, all behind
 * the same optional prefix.
 */
public final class ReplayTopics {

  private final String prefix;
  private final String positionTopic;

  public ReplayTopics(String prefix, String positionTopicName) {
    this.prefix = prefix == null ? "" : prefix;
    this.positionTopic = this.prefix + positionTopicName;
  }

  /** The topics the configuration names ({@code replay.topic.prefix}, {@code replay.position.topic}). */
  public static ReplayTopics fromConfig(LakehouseConfig config) {
    return new ReplayTopics(config.get("replay.topic.prefix", ""), config.get("replay.position.topic"));
  }

  public String prefix() {
    return prefix;
  }

  public String topic(BronzeStream stream) {
    return prefix + stream.streamName();
  }

  public List<String> eventTopics() {
    return Arrays.stream(BronzeStream.values()).map(this::topic).toList();
  }

  public String positionTopic() {
    return positionTopic;
  }

  /**
   * Creates what is missing: event topics with the configured partitions, replication and min.insync.replicas;
   * the position topic compacted with one partition (it is read whole on every start).
   */
  public void ensure(Admin admin, LakehouseConfig config, Duration timeout) {
    int partitions = config.getInt("kafka.default.partitions");
    short replication = (short) config.getInt("kafka.default.replication.factor");
    String minIsr = config.get("kafka.min.insync.replicas");
    List<NewTopic> topics = new ArrayList<>();
    for (String name : eventTopics()) {
      topics.add(new NewTopic(name, partitions, replication)
          .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr)));
    }
    topics.add(new NewTopic(positionTopic, 1, replication).configs(Map.of(
        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr,
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    for (NewTopic topic : topics) {
      KafkaTopics.ensure(admin, topic, timeout);
    }
  }
}
