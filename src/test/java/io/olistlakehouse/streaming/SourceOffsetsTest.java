package io.olistlakehouse.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SourceOffsetsTest {

  @Test
  void readsSparksKafkaOffsetsJson() {
    Map<TopicPartition, Long> offsets =
        SourceOffsets.parse("{\"olist.payment\":{\"0\":12,\"1\":30},\"olist.review\":{\"0\":7}}");

    assertEquals(Map.of(new TopicPartition("olist.payment", 0), 12L, new TopicPartition("olist.payment", 1), 30L,
        new TopicPartition("olist.review", 0), 7L), offsets);
  }

  @Test
  void nullBlankOrForeignOffsetsAreEmpty() {
    assertEquals(Map.of(), SourceOffsets.parse(null));
    assertEquals(Map.of(), SourceOffsets.parse(" "));
    assertEquals(Map.of(), SourceOffsets.parse("not json"));
    assertEquals(Map.of(), SourceOffsets.parse("{\"logOffset\":3}"));
  }

  @Test
  void perTopicSumsPartitionsCountsAMissingStartFromZeroAndNeverGoesNegative() {
    Map<TopicPartition, Long> from = SourceOffsets.parse("{\"a\":{\"0\":10,\"1\":50},\"b\":{\"0\":9}}");
    Map<TopicPartition, Long> to = SourceOffsets.parse("{\"a\":{\"0\":15,\"1\":52,\"2\":4},\"b\":{\"0\":8}}");

    assertEquals(Map.of("a", 11L, "b", 0L), SourceOffsets.perTopic(from, to));
  }
}
