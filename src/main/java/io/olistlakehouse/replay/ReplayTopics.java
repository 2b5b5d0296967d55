package io.olistlakehouse.replay;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.platform.kafka.KafkaTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
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
  private final Map<BronzeStream, String> names = new EnumMap<>(BronzeStream.class);

  public ReplayTopics(String prefix, String positionTopicName) {
    this.prefix = prefix == null ? "" : prefix;
    this.positionTopic = this.prefix + positionTopicName;
    for (BronzeStream s : BronzeStream.values()) {
      names.put(s, this.prefix + s.streamName()); // built once: topic() runs for every event
    }
  }

  /** The topics the configuration names ({@code replay.topic.prefix}, {@code replay.position.topic}). */
  public static ReplayTopics fromConfig(LakehouseConfig config) {
    return new ReplayTopics(config.get("replay.topic.prefix", ""), config.get("replay.position.topic"));
  }

  public String prefix() {
    return prefix;
  }

  public String topic(BronzeStream stream) {
    return names.get(stream);
  }

  public List<String> eventTopics() {
    return Arrays.stream(BronzeStream.values()).map(this::topic).toList();
  }

  public String positionTopic() {
    return positionTopic;
  }

  /** Every topic a replay writes: the nine event topics and the position topic. */
  public List<String> allTopics() {
    List<String> all = new ArrayList<>(eventTopics());
    all.add(positionTopic);
    return all;
  }

  /**
   * Creates what is missing: event topics with the configured partitions, replication and min.insync.replicas;
   * the position topic compacted with one partition (it is read whole on every start).
   */
  public void ensure(Admin admin, LakehouseConfig config, Duration timeout) {
    List<NewTopic> topics = new ArrayList<>();
    for (String name : eventTopics()) {
      topics.add(eventTopic(name, config));
    }
    Map<String, String> positionConfigs = new HashMap<>(eventTopicConfigs(config));
    positionConfigs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    topics.add(new NewTopic(positionTopic, 1, (short) config.getInt("kafka.default.replication.factor"))
        .configs(positionConfigs));
    for (NewTopic topic : topics) {
      KafkaTopics.ensure(admin, topic, timeout);
    }
  }

  /** A topic shaped like the replay's event topics (the benchmark's baseline uses it too). */
  public static NewTopic eventTopic(String name, LakehouseConfig config) {
    return new NewTopic(name, config.getInt("kafka.default.partitions"),
        (short) config.getInt("kafka.default.replication.factor")).configs(eventTopicConfigs(config));
  }

  /**
   * min.insync.replicas, and segment.ms: records carry their event time as Kafka timestamp, and a broker rolls a
   * segment whenever the timestamps in it span segment.ms, which years of history replayed in seconds would do
   * thousands of times (each roll stalls a request handler).
   */
  private static Map<String, String> eventTopicConfigs(LakehouseConfig config) {
    return Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, config.get("kafka.min.insync.replicas"),
        TopicConfig.SEGMENT_MS_CONFIG, config.get("replay.topic.segment.ms"));
  }
}
