package io.olistlakehouse.contracts;

import io.olistlakehouse.contracts.BronzeStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The nine bronze topics: {@code <prefix><stream name>}, and back from a topic to its stream. */
public record BronzeTopics(String prefix) implements Serializable {

  public BronzeTopics {
    prefix = prefix == null ? "" : prefix;
  }

  public String topic(BronzeStream stream) {
    return prefix + stream.streamName();
  }

  /** The registry subject of a topic's value schemas (Confluent's TopicNameStrategy). */
  public static String valueSubject(String topic) {
    return topic + "-value";
  }

  public List<String> all() {
    return Arrays.stream(BronzeStream.values()).map(this::topic).toList();
  }

  /** The stream a topic carries; empty for a topic that is not one of the nine. */
  public Optional<BronzeStream> streamOf(String topic) {
    if (topic == null || !topic.startsWith(prefix)) {
      return Optional.empty();
    }
    return BronzeStream.byName(topic.substring(prefix.length()));
  }
}
