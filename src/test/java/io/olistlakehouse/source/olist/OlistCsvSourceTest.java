package io.olistlakehouse.source.olist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.source.model.Geolocation;
import io.olistlakehouse.source.model.OrderBundle;
import io.olistlakehouse.source.model.OrderItem;
import io.olistlakehouse.source.model.Payment;
import io.olistlakehouse.source.model.Review;
import io.olistlakehouse.testing.TestOlistSample;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the real sample and checks it against its README and against an independent plain reading. */
class OlistCsvSourceTest {

  private static OlistCsvSource source;
  private static List<OrderBundle> bundles;
  private static Set<String> geolocationPrefixes;

  @BeforeAll
  static void readSample() throws IOException {
    source = OlistCsvSource.open(TestOlistSample.dir());
    bundles = new ArrayList<>();
    while (source.hasNext()) {
      bundles.add(source.next());
    }
    source.close();
    geolocationPrefixes = TestOlistSample.plainRows("olist_geolocation_dataset.csv").stream()
        .map(row -> row[0]).collect(Collectors.toSet());
  }

  @Test
  void readsTheRowCountsOfTheReadmeWithoutRejections() {
    assertEquals(List.of(), source.rejections().all());
    assertEquals(8_135, source.orderCount());
    assertEquals(8_135, bundles.size());
    assertEquals(8_365, bundles.stream().mapToInt(b -> b.items().size()).sum());
    assertEquals(8_924, bundles.stream().mapToInt(b -> b.payments().size()).sum());
    assertEquals(8_225, bundles.stream().mapToInt(b -> b.reviews().size()).sum());
    assertEquals(8_135, distinct(bundles.stream().map(b -> b.customer().customerId()).toList()));
    assertEquals(5_460,
        distinct(bundles.stream().flatMap(b -> b.products().stream()).map(p -> p.productId()).toList()));
    assertEquals(1_610, distinct(bundles.stream().flatMap(b -> b.sellers().stream()).map(s -> s.sellerId()).toList()));
  }

  @Test
  void everyOrderOfTheFileIsYieldedOnceInPurchaseTimeOrder() {
    Set<String> expected = TestOlistSample.plainRows("olist_orders_dataset.csv").stream()
        .map(row -> row[0]).collect(Collectors.toSet());
    List<String> yielded = bundles.stream().map(b -> b.order().orderId()).toList();
    assertEquals(expected.size(), yielded.size());
    assertEquals(expected, new HashSet<>(yielded));
    for (int i = 1; i < bundles.size(); i++) {
      LocalDateTime before = bundles.get(i - 1).order().purchaseAt();
      LocalDateTime after = bundles.get(i).order().purchaseAt();
      boolean inOrder = before.isBefore(after)
          || (before.equals(after) && yielded.get(i - 1).compareTo(yielded.get(i)) < 0);
      assertTrue(inOrder, "bundle " + i + " (" + yielded.get(i) + ") is out of purchase-time order");
    }
  }

  @Test
  void moneySumsMatchAPlainReadingOfTheFiles() {
    BigDecimal payments = TestOlistSample.plainRows("olist_order_payments_dataset.csv").stream()
        .map(row -> new BigDecimal(row[4])).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal items = TestOlistSample.plainRows("olist_order_items_dataset.csv").stream()
        .map(row -> new BigDecimal(row[5]).add(new BigDecimal(row[6]))).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal readPayments = bundles.stream().flatMap(b -> b.payments().stream())
        .map(Payment::paymentValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal readItems = bundles.stream().flatMap(b -> b.items().stream())
        .map(i -> i.price().add(i.freightValue())).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, payments.compareTo(readPayments), payments + " vs " + readPayments);
    assertEquals(0, items.compareTo(readItems), items + " vs " + readItems);
    assertTrue(bundles.stream().flatMap(b -> b.items().stream()).allMatch(i -> i.price().scale() == 2));
  }

  @Test
  void geolocationsAreOnePerPrefixWithTheMeanOfTheirRows() {
    Map<String, List<String[]>> byPrefix = TestOlistSample.plainRows("olist_geolocation_dataset.csv").stream()
        .collect(Collectors.groupingBy(row -> row[0]));
    Map<String, Geolocation> read = new HashMap<>();
    bundles.forEach(b -> b.geolocations().forEach(g -> read.put(g.zipCodePrefix(), g)));
    // The sample's geolocation file holds exactly the prefixes its customers and sellers use.
    assertEquals(5_816, byPrefix.size());
    assertEquals(byPrefix.keySet(), read.keySet());
    for (Map.Entry<String, List<String[]>> prefix : byPrefix.entrySet()) {
      List<String[]> group = prefix.getValue();
      Geolocation geolocation = read.get(prefix.getKey());
      double lat = group.stream().mapToDouble(row -> Double.parseDouble(row[1])).average().orElseThrow();
      double lng = group.stream().mapToDouble(row -> Double.parseDouble(row[2])).average().orElseThrow();
      assertEquals(group.size(), geolocation.sourceRows(), prefix.getKey());
      assertEquals(lat, geolocation.lat(), 1e-9, prefix.getKey());
      assertEquals(lng, geolocation.lng(), 1e-9, prefix.getKey());
    }
  }

  @Test
  void bundlesCarryWhatTheirItemsAndCustomerReference() {
    for (OrderBundle bundle : bundles) {
      String orderId = bundle.order().orderId();
      assertEquals(bundle.order().customerId(), bundle.customer().customerId());
      assertTrue(bundle.items().stream().allMatch(i -> i.orderId().equals(orderId)));
      assertTrue(bundle.payments().stream().allMatch(p -> p.orderId().equals(orderId)));
      assertTrue(bundle.reviews().stream().allMatch(r -> r.orderId().equals(orderId)));
      assertEquals(bundle.items().stream().map(OrderItem::productId).distinct().toList(),
          bundle.products().stream().map(p -> p.productId()).toList());
      assertEquals(bundle.items().stream().map(OrderItem::sellerId).distinct().toList(),
          bundle.sellers().stream().map(s -> s.sellerId()).toList());
      assertEquals(bundle.items().stream().map(OrderItem::orderItemId).sorted().toList(),
          bundle.items().stream().map(OrderItem::orderItemId).toList());
      assertEquals(bundle.payments().stream().map(Payment::paymentSequential).sorted().toList(),
          bundle.payments().stream().map(Payment::paymentSequential).toList());
      Set<String> zips = new HashSet<>();
      zips.add(bundle.customer().zipCodePrefix());
      bundle.sellers().forEach(s -> zips.add(s.zipCodePrefix()));
      zips.retainAll(geolocationPrefixes);
      assertEquals(zips, bundle.geolocations().stream().map(Geolocation::zipCodePrefix).collect(Collectors.toSet()));
    }
  }

  @Test
  void reviewCommentsKeepTheirQuotedNewlines() {
    List<Review> reviews = bundles.stream().flatMap(b -> b.reviews().stream()).toList();
    // Counted with Python's csv module: 4,113 reviews have a message, 436 of them span lines (CRLF inside quotes).
    assertEquals(4_113, reviews.stream().filter(r -> r.commentMessage() != null).count());
    assertEquals(436, reviews.stream().filter(r -> r.commentMessage() != null
        && r.commentMessage().contains("\r\n")).count());
  }

  @Test
  void fingerprintIsTheSha256OfTheFilesInReadingOrder() throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (OlistFile file : OlistFile.values()) {
      digest.update(Files.readAllBytes(TestOlistSample.dir().resolve(file.fileName())));
    }
    assertEquals(HexFormat.of().formatHex(digest.digest()), source.fingerprint());
  }

  private static long distinct(List<String> ids) {
    return new HashSet<>(ids).size();
  }
}
