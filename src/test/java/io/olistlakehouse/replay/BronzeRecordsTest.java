package io.olistlakehouse.replay;

import static io.olistlakehouse.replay.TestBundles.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.source.model.OrderBundle;
import io.olistlakehouse.source.model.Payment;
import java.math.BigDecimal;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Events become records of their contracts: exact money, UTC millis, nulls where the CSV is empty. */
class BronzeRecordsTest {

  @Test
  void everyStreamBuildsAValidRecordThatRoundTrips() {
    OrderBundle bundle = order("r", "2017-04-01T10:00:00").status("canceled")
        .milestones("2017-04-01T11:00:00", null, null).review("rv", "2017-04-10T00:00:00").build();
    List<ReplayEvent> events = new OrderEventDeriver(TestBundles.SETTINGS).derive(bundle);
    assertEquals(BronzeStream.values().length, events.stream().map(ReplayEvent::stream).distinct().count());
    for (ReplayEvent e : events) {
      GenericRecord record = BronzeRecords.of(e, e.eventTime() + 5);
      assertEquals(record, AvroBytes.decode(record, AvroBytes.encode(record)));
      assertEquals(e.eventTime(), record.get("event_time"));
      assertEquals(e.eventTime() + 5, record.get("ingest_time"));
    }
  }

  @Test
  void moneyIsExactAndTimestampsAreUtcMillis() {
    ReplayEvent item = new OrderEventDeriver(TestBundles.SETTINGS).derive(order("m", "2017-04-01T10:00:00").build())
        .stream().filter(e -> e.stream() == BronzeStream.ORDER_ITEM).findFirst().orElseThrow();
    GenericRecord decoded = AvroBytes.decode(BronzeRecords.of(item, 0),
        AvroBytes.encode(BronzeRecords.of(item, 0)));
    assertEquals(new BigDecimal("99.90"), decoded.get("price"));
    assertEquals(new BigDecimal("7.55"), decoded.get("freight_value"));
    assertEquals(1491300000000L, decoded.get("shipping_limit_at"), "2017-04-04T10:00:00Z");
  }

  @Test
  void moneyThatWouldNeedRoundingIsRejectedWithTheEventNamed() {
    Payment bad = new Payment("o1", 1, "boleto", 1, new BigDecimal("10.005"));
    ReplayEvent event = new ReplayEvent(BronzeStream.PAYMENT, "o1", 0, 0, bad);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BronzeRecords.of(event, 0));
    assertTrue(e.getMessage().contains("payment_value") && e.getMessage().contains("o1"), e.getMessage());
    Payment whole = new Payment("o1", 1, "boleto", 1, new BigDecimal("10"));
    assertEquals(new BigDecimal("10.00"),
        BronzeRecords.of(new ReplayEvent(BronzeStream.PAYMENT, "o1", 0, 0, whole), 0).get("payment_value"));
  }

  @Test
  void emptyCommentsStayNull() {
    ReplayEvent review = new OrderEventDeriver(TestBundles.SETTINGS)
        .derive(order("n", "2017-04-01T10:00:00").review("x", "2017-04-09T00:00:00").build())
        .stream().filter(e -> e.stream() == BronzeStream.REVIEW).findFirst().orElseThrow();
    assertNull(BronzeRecords.of(review, 0).get("comment_title"));
  }
}
