package io.olistlakehouse.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka offsets in Spark's progress reports ({"topic": {"0": 42, ...}}), read into partitions, and what the
 * metrics derive from them: records per topic between two positions, and offsets behind the log end per topic.
 */
public final class SourceOffsets {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SourceOffsets() {}

  /** The offsets of a progress report's JSON; empty for null or a non-Kafka source's offsets. */
  public static Map<TopicPartition, Long> parse(String json) {
    Map<TopicPartition, Long> offsets = new TreeMap<>(
        Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    if (json == null || json.isBlank()) {
      return offsets;
    }
    try {
      JsonNode root = JSON.readTree(json);
      root.fields().forEachRemaining(topic -> topic.getValue().fields().forEachRemaining(partition -> {
        if (partition.getValue().canConvertToLong()) {
          offsets.put(new TopicPartition(topic.getKey(), Integer.parseInt(partition.getKey())),
              partition.getValue().asLong());
        }
      }));
    } catch (JsonProcessingException | NumberFormatException e) {
      return offsets;
    }
    return offsets;
  }

  /**
   * Per topic, how far {@code to} is ahead of {@code from}, over the partitions of {@code to}; a partition missing
   * from {@code from} counts from 0 (a query's first batch starts at the earliest offsets, 0 here). Never negative.
   */
  public static Map<String, Long> perTopic(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    Map<String, Long> out = new TreeMap<>();
    to.forEach((tp, end) -> out.merge(tp.topic(), Math.max(0, end - from.getOrDefault(tp, 0L)), Long::sum));
    return out;
  }
}
