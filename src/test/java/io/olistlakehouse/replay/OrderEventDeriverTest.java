package io.olistlakehouse.replay;

import static io.olistlakehouse.replay.TestBundles.order;
import static io.olistlakehouse.replay.TestBundles.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.source.model.Payment;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The CDC mimic's rules, one bundle at a time. */
class OrderEventDeriverTest {

  private final OrderEventDeriver deriver = new OrderEventDeriver(TestBundles.SETTINGS);

  private static List<ReplayEvent> of(List<ReplayEvent> events, BronzeStream stream) {
    return events.stream().filter(e -> e.stream() == stream).toList();
  }

  private static Map<String, Long> statusTimes(List<ReplayEvent> events) {
    return of(events, BronzeStream.ORDER_STATUS).stream()
        .collect(Collectors.toMap(e -> ((StatusChange) e.payload()).status(), ReplayEvent::eventTime));
  }

  private static long ms(String iso) {
    return OrderEventDeriver.millis(t(iso));
  }

  @Test
  void oneStatusEventPerPresentMilestoneAtItsTimestamp() {
    List<ReplayEvent> events = deriver.derive(order("a", "2017-03-01T10:00:00")
        .milestones("2017-03-01T10:15:00", null, "2017-03-09T18:00:00").build());
    assertEquals(Map.of("purchase", ms("2017-03-01T10:00:00"), "approved", ms("2017-03-01T10:15:00"),
        "delivered_customer", ms("2017-03-09T18:00:00")), statusTimes(events));
    assertTrue(of(events, BronzeStream.ORDER_STATUS).stream().allMatch(e -> e.key().equals(TestBundles.id("a"))));
  }

  @Test
  void canceledAndUnavailableOrdersGetATerminalEventAtTheirLastKnownTimestamp() {
    List<ReplayEvent> canceled = deriver.derive(order("c", "2017-03-01T10:00:00").status("canceled")
        .milestones("2017-03-02T08:00:00", "2017-03-04T12:00:00", null).build());
    assertEquals(ms("2017-03-04T12:00:00"), statusTimes(canceled).get("canceled"));
    assertEquals(4, of(canceled, BronzeStream.ORDER_STATUS).size());

    List<ReplayEvent> unavailable = deriver.derive(order("u", "2017-03-01T11:00:00").status("unavailable").build());
    assertEquals(Map.of("purchase", ms("2017-03-01T11:00:00"), "unavailable", ms("2017-03-01T11:00:00")),
        statusTimes(unavailable));
    // At an equal time the terminal event comes after the milestone it closes.
    List<ReplayEvent> statuses = of(unavailable, BronzeStream.ORDER_STATUS);
    assertTrue(statuses.get(0).sequence() < statuses.get(1).sequence());

    List<ReplayEvent> delivered = deriver.derive(order("d", "2017-03-01T12:00:00")
        .milestones("2017-03-01T12:10:00", "2017-03-02T12:00:00", "2017-03-05T12:00:00").build());
    assertEquals(4, of(delivered, BronzeStream.ORDER_STATUS).size(), "no terminal event for a delivered order");
  }

  @Test
  void splitPaymentsGetDistinctTimesEndingAtThePurchase() {
    List<ReplayEvent> events = deriver.derive(order("p", "2017-05-05T20:00:00").payments(3, 1, 2).build());
    List<ReplayEvent> payments = of(events, BronzeStream.PAYMENT);
    assertEquals(List.of(1, 2, 3), payments.stream().map(e -> ((Payment) e.payload()).paymentSequential()).toList());
    long purchase = ms("2017-05-05T20:00:00");
    assertEquals(List.of(purchase - 10_000, purchase - 5_000, purchase),
        payments.stream().map(ReplayEvent::eventTime).toList());

    List<ReplayEvent> single = of(deriver.derive(order("s", "2017-05-05T21:00:00").build()), BronzeStream.PAYMENT);
    assertEquals(List.of(ms("2017-05-05T21:00:00")), single.stream().map(ReplayEvent::eventTime).toList());
  }

  @Test
  void itemsEstimatedDateAndCustomerComeWithThePurchase() {
    List<ReplayEvent> events = deriver.derive(order("i", "2017-06-01T09:00:00").item("product-x", "seller-i")
        .build());
    long purchase = ms("2017-06-01T09:00:00");
    assertEquals(2, of(events, BronzeStream.ORDER_ITEM).size());
    assertTrue(of(events, BronzeStream.ORDER_ITEM).stream().allMatch(e -> e.eventTime() == purchase));
    ReplayEvent estimated = of(events, BronzeStream.ESTIMATED_DELIVERY_DATE).get(0);
    assertEquals(purchase, estimated.eventTime());
    assertEquals(LocalDateTime.parse("2017-06-21T00:00:00"), ((EstimatedDelivery) estimated.payload()).estimatedAt());
    assertEquals(1, of(events, BronzeStream.CUSTOMER).size());
  }

  @Test
  void masterDataIsPublishedOnlyTheFirstTimeAndBeforeTheOrdersFirstEvent() {
    List<ReplayEvent> first = deriver.derive(order("m1", "2017-07-01T10:00:00").item("product-shared", "seller-m1")
        .payments(1, 2).build());
    long opening = ms("2017-07-01T10:00:00") - 5_000;
    for (BronzeStream s : List.of(BronzeStream.PRODUCT, BronzeStream.SELLER, BronzeStream.GEOLOCATION,
        BronzeStream.CUSTOMER)) {
      assertTrue(of(first, s).stream().allMatch(e -> e.eventTime() == opening), s + " at the order's first event");
    }
    assertEquals(2, of(first, BronzeStream.PRODUCT).size());
    assertEquals(2, of(first, BronzeStream.GEOLOCATION).size());

    // Same seller, one known product and one new one, same zip prefixes: only the new product is published.
    List<ReplayEvent> second = deriver.derive(order("m2", "2017-07-02T10:00:00").item("product-shared", "seller-m1")
        .build());
    assertEquals(List.of(TestBundles.id("product-m2")),
        of(second, BronzeStream.PRODUCT).stream().map(ReplayEvent::key).toList());
    assertEquals(List.of(TestBundles.id("seller-m2")),
        of(second, BronzeStream.SELLER).stream().map(ReplayEvent::key).toList());
    assertEquals(List.of(), of(second, BronzeStream.GEOLOCATION));
    assertEquals(1, of(second, BronzeStream.CUSTOMER).size(), "a new customer");
    assertEquals("01001", of(first, BronzeStream.GEOLOCATION).get(0).key(), "geolocation keyed by zip prefix");
  }

  @Test
  void keysAreTheOrderIdForOrderScopedStreamsAndTheEntityIdOtherwise() {
    List<ReplayEvent> events = deriver.derive(order("k", "2017-08-01T10:00:00").review("r", "2017-08-10T00:00:00")
        .build());
    for (ReplayEvent e : events) {
      if (e.stream().orderScoped()) {
        assertEquals(TestBundles.id("k"), e.key(), e.stream().toString());
      }
    }
    assertEquals(TestBundles.id("customer-k"), of(events, BronzeStream.CUSTOMER).get(0).key());
    assertEquals(ms("2017-08-10T00:00:00"), of(events, BronzeStream.REVIEW).get(0).eventTime());
  }

  @Test
  void anOrderWithoutPurchaseTimeIsASourceErrorNamingTheOrder() {
    TestBundles.Builder b = order("np", "2017-08-01T10:00:00");
    b.purchase = null;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> deriver.derive(b.build()));
    assertTrue(e.getMessage().contains(TestBundles.id("np")));
  }
}
