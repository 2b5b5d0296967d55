package io.olistlakehouse.source.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.source.model.Order;
import io.olistlakehouse.source.model.OrderBundle;
import io.olistlakehouse.source.model.OrderItem;
import io.olistlakehouse.source.model.Payment;
import io.olistlakehouse.source.model.Review;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Determinism, bounded memory and internal consistency of the generator. */
class SyntheticSourceTest {

  private static final Pattern OLIST_ID = Pattern.compile("[0-9a-f]{32}");

  @Test
  void theSameSeedGivesTheSameBundlesAndAnotherSeedOthers() {
    List<OrderBundle> first = generate(3_000, 42);
    List<OrderBundle> again = generate(3_000, 42);
    List<OrderBundle> other = generate(3_000, 43);
    assertEquals(first, again);
    assertNotEquals(first.get(0).order().orderId(), other.get(0).order().orderId());
    Set<String> firstIds = new HashSet<>(first.stream().map(b -> b.order().orderId()).toList());
    assertTrue(other.stream().noneMatch(b -> firstIds.contains(b.order().orderId())));
  }

  /**
   * Pins the output of one (orders, seed): it must not change unless {@link SyntheticSource#GENERATOR_VERSION}
   * does, since fingerprints name data by version, orders and seed. Update both together.
   */
  @Test
  void outputIsPinnedByTheGeneratorVersion() throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (OrderBundle bundle : generate(2_000, 1)) {
      // Doubles by their bits: Double.toString's digits differ between JDK versions.
      StringBuilder text = new StringBuilder(new OrderBundle(bundle.order(), bundle.items(), bundle.payments(),
          bundle.reviews(), bundle.customer(), bundle.products(), bundle.sellers(), List.of()).toString());
      bundle.geolocations().forEach(g -> text.append(List.of(g.zipCodePrefix(), Double.doubleToLongBits(g.lat()),
          Double.doubleToLongBits(g.lng()), g.city(), g.state(), g.sourceRows())));
      digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("olist-synthetic-1", SyntheticSource.GENERATOR_VERSION);
    assertEquals("69d05f31e368fac7e7ab9169c2aeb2696693081bd8c242501bc1ad354f08a055",
        HexFormat.of().formatHex(digest.digest()),
        "the generator's output changed: bump GENERATOR_VERSION and update this digest");
  }

  @Test
  void describesItselfAndHasNothingToReject() {
    SyntheticSource source = new SyntheticSource(1_234, 99);
    assertEquals(1_234, source.orderCount());
    assertEquals(SyntheticSource.GENERATOR_VERSION + " orders=1234 seed=99", source.fingerprint());
    assertEquals(0, source.rejections().count());
    source.close();
    assertFalse(source.hasNext());
    assertThrows(NoSuchElementException.class, source::next);
  }

  @Test
  void streamsAMillionOrdersInBoundedMemory() {
    long orders = 1_000_000;
    Runtime runtime = Runtime.getRuntime();
    long heapAtStart = 0;
    long count = 0;
    long sameSecond = 0;
    Order previous = null;
    try (SyntheticSource source = new SyntheticSource(orders, 7)) {
      while (source.hasNext()) {
        Order order = source.next().order();
        if (previous != null) {
          int byTime = previous.purchaseAt().compareTo(order.purchaseAt());
          assertTrue(byTime < 0 || (byTime == 0 && previous.orderId().compareTo(order.orderId()) < 0),
              "out of purchase-time order: " + previous + " then " + order);
          sameSecond += byTime == 0 ? 1 : 0;
        }
        previous = order;
        if (++count == 100_000) {
          heapAtStart = usedHeapAfterGc(runtime);
        }
      }
    }
    long growth = usedHeapAfterGc(runtime) - heapAtStart;
    assertEquals(orders, count);
    assertTrue(sameSecond > 0, "at this scale some orders share a purchase second (ordered by id)");
    // Holding the bundles would take gigabytes; the generator's own state is a few hundred kilobytes.
    assertTrue(growth < 64L << 20, "heap grew by " + (growth >> 20) + " MB over 900,000 orders");
  }

  @Test
  void bundlesAreConsistent() {
    List<OrderBundle> bundles = generate(20_000, 3);
    Set<String> orderIds = new HashSet<>();
    Set<String> customerIds = new HashSet<>();
    for (int i = 0; i < bundles.size(); i++) {
      OrderBundle bundle = bundles.get(i);
      Order order = bundle.order();
      String where = "order " + i + " " + order;
      assertTrue(orderIds.add(order.orderId()), "duplicate order id at " + where);
      assertTrue(customerIds.add(order.customerId()), "every order has its own customer id: " + where);
      assertTrue(OLIST_ID.matcher(order.orderId()).matches() && OLIST_ID.matcher(order.customerId()).matches());
      if (i > 0) {
        Order before = bundles.get(i - 1).order();
        int byTime = before.purchaseAt().compareTo(order.purchaseAt());
        assertTrue(byTime < 0 || (byTime == 0 && before.orderId().compareTo(order.orderId()) < 0), where);
      }
      assertMilestonesFitTheStatus(order, where);
      assertPaymentsAddUp(bundle, where);
      assertReferencesAreIncluded(bundle, where);
      for (Review review : bundle.reviews()) {
        assertTrue(review.score() >= 1 && review.score() <= 5, where);
        assertFalse(review.creationDate().toLocalDate().isBefore(order.purchaseAt().toLocalDate()), where);
        assertTrue(review.answerAt().isAfter(review.creationDate()), where);
      }
    }
  }

  private static void assertMilestonesFitTheStatus(Order order, String where) {
    assertInOrder(order.purchaseAt(), order.approvedAt(), where);
    assertInOrder(order.approvedAt(), order.deliveredCarrierAt(), where);
    assertInOrder(order.deliveredCarrierAt(), order.deliveredCustomerAt(), where);
    assertTrue(order.estimatedDeliveryAt().toLocalDate().isAfter(order.purchaseAt().toLocalDate().plusDays(1)), where);
    boolean approved = order.approvedAt() != null;
    boolean atCarrier = order.deliveredCarrierAt() != null;
    boolean delivered = order.deliveredCustomerAt() != null;
    switch (order.status()) {
      case "delivered" -> assertTrue(approved && atCarrier && delivered, where);
      case "shipped" -> assertTrue(approved && atCarrier && !delivered, where);
      case "created" -> assertTrue(!approved && !atCarrier && !delivered, where);
      case "canceled" -> assertTrue((approved || !atCarrier) && (atCarrier || !delivered), where);
      default -> assertTrue(approved && !atCarrier && !delivered, where);
    }
  }

  private static void assertInOrder(LocalDateTime earlier, LocalDateTime later, String where) {
    if (later != null) {
      assertNotNull(earlier, "a later milestone without the earlier one: " + where);
      assertFalse(later.isBefore(earlier), where);
    }
  }

  private static void assertPaymentsAddUp(OrderBundle bundle, String where) {
    List<Payment> payments = bundle.payments();
    assertFalse(payments.isEmpty(), where);
    for (int p = 0; p < payments.size(); p++) {
      assertEquals(p + 1, payments.get(p).paymentSequential(), where);
      assertTrue(payments.get(p).paymentValue().signum() > 0 && payments.get(p).paymentValue().scale() == 2, where);
      assertTrue(payments.get(p).paymentInstallments() >= 1, where);
    }
    BigDecimal paid = payments.stream().map(Payment::paymentValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (bundle.items().isEmpty()) {
      // As in the dataset: orders that never got items (unavailable, canceled, created) keep their payment.
      assertTrue(Set.of("unavailable", "canceled", "created").contains(bundle.order().status()), where);
    } else {
      BigDecimal owed = bundle.items().stream().map(i -> i.price().add(i.freightValue()))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertEquals(owed, paid, where);
    }
  }

  private static void assertReferencesAreIncluded(OrderBundle bundle, String where) {
    assertEquals(bundle.order().customerId(), bundle.customer().customerId(), where);
    List<OrderItem> items = bundle.items();
    for (int n = 0; n < items.size(); n++) {
      assertEquals(n + 1, items.get(n).orderItemId(), where);
      assertFalse(items.get(n).shippingLimitAt().isBefore(bundle.order().approvedAt()), where);
    }
    assertEquals(items.stream().map(OrderItem::productId).distinct().toList(),
        bundle.products().stream().map(p -> p.productId()).toList(), where);
    assertEquals(items.stream().map(OrderItem::sellerId).distinct().toList(),
        bundle.sellers().stream().map(s -> s.sellerId()).toList(), where);
    Set<String> zips = new HashSet<>();
    zips.add(bundle.customer().zipCodePrefix());
    bundle.sellers().forEach(s -> zips.add(s.zipCodePrefix()));
    assertEquals(zips, new HashSet<>(bundle.geolocations().stream().map(g -> g.zipCodePrefix()).toList()), where);
    bundle.geolocations().stream().filter(g -> g.zipCodePrefix().equals(bundle.customer().zipCodePrefix()))
        .forEach(g -> assertEquals(bundle.customer().state(), g.state(), where));
    bundle.products().forEach(p -> assertTrue((p.categoryName() == null) == (p.categoryNameEnglish() == null)));
    if (bundle.products().stream().anyMatch(p -> p.categoryName() == null)) {
      assertNull(bundle.products().stream().filter(p -> p.categoryName() == null).findFirst().get().photosQty());
    }
  }

  static List<OrderBundle> generate(long orders, long seed) {
    List<OrderBundle> bundles = new ArrayList<>();
    try (SyntheticSource source = new SyntheticSource(orders, seed)) {
      source.forEachRemaining(bundles::add);
    }
    return bundles;
  }

  private static long usedHeapAfterGc(Runtime runtime) {
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
