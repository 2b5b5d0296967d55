package io.olistlakehouse.source.olist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.source.Rejection;
import io.olistlakehouse.source.model.OrderBundle;
import io.olistlakehouse.testing.TestOlistSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies the sample, breaks a few rows on purpose and checks each is reported while everything else is read. */
class OlistMalformedRowsTest {

  private static final String ORDERS = "olist_orders_dataset.csv";
  private static final String ITEMS = "olist_order_items_dataset.csv";
  private static final String PAYMENTS = "olist_order_payments_dataset.csv";
  private static final String REVIEWS = "olist_order_reviews_dataset.csv";
  /** A one-line review with empty title and message: certainly the start of a record. */
  private static final Pattern PLAIN_REVIEW = Pattern.compile("^[0-9a-f]{32},[0-9a-f]{32},[1-5],,,[0-9].*");

  @TempDir
  Path dir;

  @BeforeEach
  void copySample() throws IOException {
    for (OlistFile file : OlistFile.values()) {
      Files.copy(TestOlistSample.dir().resolve(file.fileName()), dir.resolve(file.fileName()));
    }
  }

  @Test
  void reportsEachBadRowWithFileLineAndReasonAndReadsTheRest() throws IOException {
    List<String> orders = lines(ORDERS);
    List<String> items = lines(ITEMS);
    List<String> payments = lines(PAYMENTS);
    List<String> reviews = lines(REVIEWS);

    // Line numbers are 1-based with the header on line 1, so list index i is line i + 1.
    int badOrderLine = 2;
    String badOrderId = orders.get(badOrderLine - 1).split(",")[0];
    orders.set(badOrderLine - 1, replaceField(orders.get(badOrderLine - 1), 3, "2017-02-30 10:00:00"));
    int duplicateOrderLine = orders.size() + 1;
    orders.add(orders.get(2));

    Predicate<String> otherOrder = line -> !line.contains(badOrderId);
    int badPriceLine = firstLine(items, otherOrder, 2);
    items.set(badPriceLine - 1, replaceField(items.get(badPriceLine - 1), 5, "12.3x"));
    int unknownProductLine = firstLine(items, otherOrder, badPriceLine + 1);
    String unknownProduct = "f".repeat(32);
    items.set(unknownProductLine - 1, replaceField(items.get(unknownProductLine - 1), 2, unknownProduct));

    int shortPaymentLine = firstLine(payments, otherOrder, 2);
    String payment = payments.get(shortPaymentLine - 1);
    payments.set(shortPaymentLine - 1, payment.substring(0, payment.lastIndexOf(',')));

    int strayQuoteLine = firstLine(reviews, otherOrder.and(line -> PLAIN_REVIEW.matcher(line).matches()), 2);
    reviews.set(strayQuoteLine - 1, replaceField(reviews.get(strayQuoteLine - 1), 3, "\"never closed"));

    write(ORDERS, orders);
    write(ITEMS, items);
    write(PAYMENTS, payments);
    write(REVIEWS, reviews);

    OlistCsvSource source = OlistCsvSource.open(dir);
    List<Rejection> rejections = source.rejections().all();

    assertRejected(rejections, ORDERS, badOrderLine,
        "order_purchase_timestamp '2017-02-30 10:00:00' is not a valid yyyy-MM-dd HH:mm:ss timestamp");
    assertRejected(rejections, ORDERS, duplicateOrderLine, "duplicate order_id");
    assertRejected(rejections, ITEMS, badPriceLine, "price '12.3x' is not a number");
    assertRejected(rejections, ITEMS, unknownProductLine,
        "product_id '" + unknownProduct + "' is unknown: no such row in olist_products_dataset.csv");
    assertRejected(rejections, PAYMENTS, shortPaymentLine, "missing column: expected 5 columns");
    assertRejected(rejections, REVIEWS, strayQuoteLine, "quote");

    // The bad order's items, payments and reviews are rejected too, each saying why.
    int badOrderItems = occurrences(items, badOrderId);
    int badOrderPayments = occurrences(payments, badOrderId);
    int badOrderReviews = occurrences(reviews, badOrderId);
    List<Rejection> cascaded = rejections.stream()
        .filter(r -> r.reason().equals("order_id '" + badOrderId
            + "' refers to a rejected row of olist_orders_dataset.csv"))
        .toList();
    assertEquals(badOrderItems + badOrderPayments + badOrderReviews, cascaded.size(), cascaded.toString());
    assertEquals(6 + cascaded.size(), rejections.size(), rejections.toString());

    List<OrderBundle> bundles = new ArrayList<>();
    source.forEachRemaining(bundles::add);
    assertEquals(8_135 - 1, bundles.size());
    assertEquals(8_365 - 2 - badOrderItems, bundles.stream().mapToInt(b -> b.items().size()).sum());
    assertEquals(8_924 - 1 - badOrderPayments, bundles.stream().mapToInt(b -> b.payments().size()).sum());
    assertEquals(8_225 - 1 - badOrderReviews, bundles.stream().mapToInt(b -> b.reviews().size()).sum());
  }

  @Test
  void aMissingFileFailsNamingItAndTheFolder() throws IOException {
    Files.delete(dir.resolve(PAYMENTS));
    OlistDataException error = assertThrows(OlistDataException.class, () -> OlistCsvSource.open(dir));
    assertTrue(error.getMessage().contains(PAYMENTS), error.getMessage());
    assertTrue(error.getMessage().contains(dir.toAbsolutePath().toString()), error.getMessage());
  }

  @Test
  void anUnexpectedHeaderFailsNamingTheFileAndBothHeaders() throws IOException {
    List<String> sellers = lines("olist_sellers_dataset.csv");
    sellers.set(0, "seller_id,seller_zip,seller_city,seller_state");
    write("olist_sellers_dataset.csv", sellers);
    OlistDataException error = assertThrows(OlistDataException.class, () -> OlistCsvSource.open(dir));
    assertTrue(error.getMessage().contains("olist_sellers_dataset.csv"), error.getMessage());
    assertTrue(error.getMessage().contains(
        "expected [seller_id, seller_zip_code_prefix, seller_city, seller_state]"), error.getMessage());
    assertTrue(error.getMessage().contains("found [seller_id, seller_zip, seller_city, seller_state]"),
        error.getMessage());
  }

  private static void assertRejected(List<Rejection> rejections, String file, long line, String reasonPart) {
    List<Rejection> atLine = rejections.stream().filter(r -> r.file().equals(file) && r.line() == line).toList();
    assertEquals(1, atLine.size(), "one rejection expected at " + file + ":" + line + " among " + rejections);
    assertTrue(atLine.get(0).reason().contains(reasonPart), atLine.get(0) + " should say: " + reasonPart);
  }

  /** The 1-based line number of the first data line from {@code fromLine} on that matches. */
  private static int firstLine(List<String> lines, Predicate<String> matches, int fromLine) {
    for (int i = fromLine - 1; i < lines.size(); i++) {
      if (matches.test(lines.get(i))) {
        return i + 1;
      }
    }
    throw new IllegalStateException("no matching line");
  }

  private static String replaceField(String line, int index, String value) {
    String[] fields = line.split(",", -1);
    fields[index] = value;
    return String.join(",", fields);
  }

  private static int occurrences(List<String> lines, String text) {
    return (int) lines.stream().filter(line -> line.contains(text)).count();
  }

  private List<String> lines(String file) throws IOException {
    return new ArrayList<>(Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8));
  }

  private void write(String file, List<String> lines) throws IOException {
    Files.write(dir.resolve(file), lines, StandardCharsets.UTF_8);
  }
}
