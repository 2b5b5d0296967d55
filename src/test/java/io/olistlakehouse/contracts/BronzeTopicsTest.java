package io.olistlakehouse.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.olistlakehouse.contracts.BronzeStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BronzeTopicsTest {

  @Test
  void topicsAreThePrefixedStreamNamesAndMapBack() {
    BronzeTopics topics = new BronzeTopics("bench-1.");
    assertEquals("bench-1.order_item", topics.topic(BronzeStream.ORDER_ITEM));
    assertEquals(9, topics.all().size());
    for (BronzeStream s : BronzeStream.values()) {
      assertEquals(Optional.of(s), topics.streamOf(topics.topic(s)));
    }
    assertEquals(Optional.empty(), topics.streamOf("order_item"));
    assertEquals(Optional.empty(), topics.streamOf("bench-1.orders"));
    assertEquals(Optional.of(BronzeStream.PAYMENT), new BronzeTopics(null).streamOf("payment"));
  }
}
