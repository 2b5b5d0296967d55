package io.olistlakehouse.replay;

import static io.olistlakehouse.replay.TestBundles.order;
import static io.olistlakehouse.replay.TestBundles.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.source.model.OrderBundle;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The replay's stream: event-time order, reviews on their day, the flush at the end, resuming. */
class EventStreamTest {

  /** Many orders with random milestones, payments and reviews, in purchase order. */
  static List<OrderBundle> randomOrders(int count, long seed) {
    Random random = new Random(seed);
    List<OrderBundle> out = new ArrayList<>();
    LocalDateTime purchase = LocalDateTime.parse("2017-01-01T00:00:00");
    for (int i = 0; i < count; i++) {
      purchase = purchase.plusSeconds(random.nextInt(4 * 3600));
      LocalDateTime approved = purchase.plusMinutes(random.nextInt(600));
      LocalDateTime carrier = approved.plusHours(random.nextInt(200));
      LocalDateTime delivered = carrier.plusHours(random.nextInt(600));
      TestBundles.Builder b = order("o" + i, purchase.toString());
      int kind = random.nextInt(4);
      b.milestones(approved.toString(), kind > 0 ? carrier.toString() : null, kind > 1 ? delivered.toString() : null);
      b.status(kind == 0 ? "canceled" : "delivered");
      b.payments(random.nextInt(3) == 0 ? new int[] {1, 2, 3} : new int[] {1});
      if (random.nextBoolean()) {
        b.item("product-" + random.nextInt(30), "seller-" + random.nextInt(10));
      }
      b.review("r" + i, delivered.toLocalDate().plusDays(1 + random.nextInt(5)).atStartOfDay().toString());
      out.add(b.build());
    }
    return out;
  }

  @Test
  void eventsComeOutInEventTimeOrderWithNoneLate() {
    EventStream stream = new EventStream(randomOrders(2_000, 11).iterator(), TestBundles.SETTINGS);
    long previous = Long.MIN_VALUE;
    long count = 0;
    while (stream.hasNext()) {
      ReplayEvent e = stream.next();
      assertTrue(e.eventTime() >= previous, "event " + count + " goes back in time");
      previous = e.eventTime();
      count++;
    }
    assertEquals(0, stream.lateEvents());
    assertEquals(2_000, stream.ordersReleased());
    assertEquals(count, stream.released());
  }

  @Test
  void aReviewIsReleasedWhenTheClockReachesItsDayAndTheRestIsFlushedAtTheEnd() {
    OrderBundle a = order("a", "2017-02-01T10:00:00").review("ra", "2017-02-10T00:00:00").build();
    OrderBundle b = order("b", "2017-02-05T10:00:00").build();
    OrderBundle c = order("c", "2017-02-12T10:00:00").review("rc", "2017-03-20T00:00:00").build();
    List<ReplayEvent> events = replay(List.of(a, b, c));
    List<String> sequence = events.stream()
        .filter(e -> e.stream() == BronzeStream.REVIEW || isPurchase(e))
        .map(e -> e.stream() == BronzeStream.REVIEW ? "review " + e.key() : "purchase " + e.key()).toList();
    assertEquals(List.of("purchase " + a.order().orderId(), "purchase " + b.order().orderId(),
        "review " + a.order().orderId(), "purchase " + c.order().orderId(), "review " + c.order().orderId()),
        sequence);
    // c's review is a month after the last purchase: released by the final flush, as the very last event.
    assertEquals(BronzeStream.REVIEW, events.get(events.size() - 1).stream());
  }

  @Test
  void everyDerivedEventIsReleasedExactlyOnce() {
    List<OrderBundle> bundles = randomOrders(300, 5);
    OrderEventDeriver deriver = new OrderEventDeriver(TestBundles.SETTINGS);
    long derived = bundles.stream().mapToLong(b -> deriver.derive(b).size()).sum();
    List<ReplayEvent> released = replay(bundles);
    assertEquals(derived, released.size());
    assertEquals(released.size(), released.stream().map(ReplayEvent::sequence).distinct().count());
  }

  @Test
  void aSourceTimeBeforeTheReorderWindowIsReleasedAtOnceAndCountedLate() {
    OrderBundle a = order("a", "2017-02-01T10:00:00").build();
    OrderBundle b = order("b", "2017-02-10T10:00:00").build();
    // An anomaly of the real data: a review dated weeks before its own order.
    OrderBundle c = order("c", "2017-03-01T10:00:00").review("early", "2017-01-15T00:00:00").build();
    EventStream stream = new EventStream(List.of(a, b, c).iterator(), TestBundles.SETTINGS);
    List<ReplayEvent> events = new ArrayList<>();
    stream.forEachRemaining(events::add);
    assertEquals(1, stream.lateEvents());
    assertTrue(events.stream().anyMatch(e -> e.stream() == BronzeStream.REVIEW), "late, but published");
  }

  @Test
  void skippingContinuesWithExactlyTheSameEvents() {
    List<OrderBundle> bundles = randomOrders(500, 3);
    List<ReplayEvent> all = replay(bundles);
    EventStream resumed = new EventStream(bundles.iterator(), TestBundles.SETTINGS);
    assertTrue(resumed.skip(1_234));
    List<ReplayEvent> rest = new ArrayList<>();
    resumed.forEachRemaining(rest::add);
    assertEquals(all.subList(1_234, all.size()), rest);
    assertFalse(new EventStream(bundles.iterator(), TestBundles.SETTINGS).skip(all.size() + 1));
  }

  @Test
  void aSourceOutOfPurchaseOrderIsAnError() {
    List<OrderBundle> bundles = List.of(order("late", "2017-02-05T10:00:00").build(),
        order("early", "2017-02-01T10:00:00").build());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> replay(bundles));
    assertTrue(e.getMessage().contains(TestBundles.id("early")));
  }

  private static boolean isPurchase(ReplayEvent e) {
    return e.stream() == BronzeStream.ORDER_STATUS
        && StatusChange.PURCHASE.equals(((StatusChange) e.payload()).status());
  }
}
