package io.olistlakehouse.batch;

import io.olistlakehouse.testing.TestOlistSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch layer's expected results on an Olist folder, recomputed in plain Java straight from the CSVs. It is the
 * oracle the Spark jobs are checked against, so it deliberately imports nothing from {@code src/main}.
 */
public final class SampleTruth {

  record OrderLeadDays(String orderId, String status, Integer purchaseToApprovalDays, Integer approvalToCarrierDays,
      Integer carrierToCustomerDays, Integer carrierDeliveryDelayDays, Integer customerDeliveryDelayDays) {}

  record MonthlySale(String productId, LocalDate salesPeriod, String category, long quantity, BigDecimal amount,
      double meanSales, String group) {

    MonthlySale withGroup(String newGroup) {
      return new MonthlySale(productId, salesPeriod, category, quantity, amount, meanSales, newGroup);
    }
  }

  record ReviewLeadDays(String reviewId, String orderId, int score, Integer answerLeadDays) {}

  static final String STAR = "Star Products";
  static final String VOLUME = "Volume Drivers";
  static final String NICHE = "Niche Gems";
  static final String QUESTION = "Question Marks";

  // Categories Olist sells but its translation file omits; the batch layer names them itself.
  private static final Map<String, String> MISSING_TRANSLATIONS = Map.of("pc_gamer", "gaming_pc",
      "portateis_cozinha_e_preparadores_de_alimentos", "portable_kitchen_and_food_preparators");
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final List<Map<String, String>> orders;
  private final List<Map<String, String>> items;
  private final List<Map<String, String>> products;
  private final List<Map<String, String>> translations;
  private final List<Map<String, String>> reviews;

  public SampleTruth(Path dir) {
    orders = read(dir.resolve("olist_orders_dataset.csv"));
    items = read(dir.resolve("olist_order_items_dataset.csv"));
    products = read(dir.resolve("olist_products_dataset.csv"));
    translations = read(dir.resolve("product_category_name_translation.csv"));
    reviews = read(dir.resolve("olist_order_reviews_dataset.csv"));
  }

  public static SampleTruth sample() {
    return new SampleTruth(TestOlistSample.dir());
  }

  /** One row per order, in file order, keyed by order id. */
  public Map<String, OrderLeadDays> orderLeadDays() {
    // The carrier is late against the first item's deadline: the earliest shipping limit of the order.
    Map<String, LocalDateTime> shippingLimit = new HashMap<>();
    for (Map<String, String> item : items) {
      LocalDateTime limit = timestamp(item.get("shipping_limit_date"));
      if (limit != null) {
        shippingLimit.merge(item.get("order_id"), limit, (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    Map<String, OrderLeadDays> result = new LinkedHashMap<>();
    for (Map<String, String> order : orders) {
      String id = order.get("order_id");
      LocalDateTime purchase = timestamp(order.get("order_purchase_timestamp"));
      LocalDateTime approved = timestamp(order.get("order_approved_at"));
      LocalDateTime carrier = timestamp(order.get("order_delivered_carrier_date"));
      LocalDateTime customer = timestamp(order.get("order_delivered_customer_date"));
      LocalDateTime estimated = timestamp(order.get("order_estimated_delivery_date"));
      String rawStatus = order.get("order_status");
      String status = rawStatus.equals("canceled") || rawStatus.equals("unavailable") ? rawStatus
          : customer != null ? "delivered" : "in_progress";
      OrderLeadDays row = new OrderLeadDays(id, status, days(purchase, approved), days(approved, carrier),
          days(carrier, customer), days(shippingLimit.get(id), carrier), days(estimated, customer));
      if (result.put(id, row) != null) {
        throw new IllegalStateException("order " + id + " appears twice");
      }
    }
    return result;
  }

  /** One row per (product, month of delivery to the customer), sorted by month then product. */
  public List<MonthlySale> monthlySales() {
    // Only delivered orders are sales, whatever their final status says.
    Map<String, LocalDate> periodOf = new HashMap<>();
    for (Map<String, String> order : orders) {
      LocalDateTime delivered = timestamp(order.get("order_delivered_customer_date"));
      if (delivered != null) {
        periodOf.put(order.get("order_id"), delivered.toLocalDate().withDayOfMonth(1));
      }
    }
    Map<String, String> english = new HashMap<>();
    translations.forEach(t -> english.put(t.get("product_category_name"), t.get("product_category_name_english")));
    Map<String, String> categoryOf = new HashMap<>();
    for (Map<String, String> product : products) {
      String name = product.get("product_category_name");
      String category = name.isEmpty() ? "unknown"
          : english.getOrDefault(name, MISSING_TRANSLATIONS.getOrDefault(name, name));
      categoryOf.put(product.get("product_id"), category);
    }
    Map<List<Object>, List<BigDecimal>> prices = new LinkedHashMap<>();
    for (Map<String, String> item : items) {
      LocalDate period = periodOf.get(item.get("order_id"));
      if (period != null) {
        // HALF_UP as a cast to decimal(_, 2) would do; Olist prices have at most two decimals anyway.
        BigDecimal price = new BigDecimal(item.get("price")).setScale(2, RoundingMode.HALF_UP);
        prices.computeIfAbsent(List.of(item.get("product_id"), period), k -> new ArrayList<>()).add(price);
      }
    }
    List<MonthlySale> rows = new ArrayList<>();
    prices.forEach((key, list) -> {
      String productId = (String) key.get(0);
      BigDecimal amount = list.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
      long quantity = list.size();
      rows.add(new MonthlySale(productId, (LocalDate) key.get(1), categoryOf.getOrDefault(productId, "unknown"),
          quantity, amount, amount.doubleValue() / quantity, null));
    });
    rows.sort(Comparator.comparing(MonthlySale::salesPeriod).thenComparing(MonthlySale::productId));
    return withGroups(rows);
  }

  /** One row per review, keyed by (review id, order id): Olist reuses a review id across orders. */
  public Map<List<String>, ReviewLeadDays> reviewLeadDays() {
    Map<List<String>, ReviewLeadDays> result = new LinkedHashMap<>();
    for (Map<String, String> review : reviews) {
      String reviewId = review.get("review_id");
      String orderId = review.get("order_id");
      ReviewLeadDays row = new ReviewLeadDays(reviewId, orderId, Integer.parseInt(review.get("review_score")),
          days(timestamp(review.get("review_creation_date")), timestamp(review.get("review_answer_timestamp"))));
      if (result.put(List.of(reviewId, orderId), row) != null) {
        throw new IllegalStateException("review " + reviewId + " of order " + orderId + " appears twice");
      }
    }
    return result;
  }

  /** The rows, in the same order, each given its group against the medians of its (category, month) cell. */
  static List<MonthlySale> withGroups(List<MonthlySale> rows) {
    Map<List<Object>, List<MonthlySale>> cells = new HashMap<>();
    rows.forEach(r -> cells.computeIfAbsent(cellOf(r), k -> new ArrayList<>()).add(r));
    Map<List<Object>, Long> medQ = new HashMap<>();
    Map<List<Object>, Double> medP = new HashMap<>();
    cells.forEach((cell, members) -> {
      medQ.put(cell, lowerMedian(members.stream().map(MonthlySale::quantity).toList()));
      medP.put(cell, lowerMedian(members.stream().map(MonthlySale::meanSales).toList()));
    });
    return rows.stream()
        .map(r -> r.withGroup(group(r.quantity(), r.meanSales(), medQ.get(cellOf(r)), medP.get(cellOf(r)))))
        .toList();
  }

  private static List<Object> cellOf(MonthlySale row) {
    return List.of(row.category(), row.salesPeriod());
  }

  /** Above the cell's median quantity sells volume; at or above its median price sells value. */
  static String group(long quantity, double meanSales, long medQ, double medP) {
    boolean many = quantity > medQ;
    boolean dear = meanSales >= medP;
    return many ? (dear ? STAR : VOLUME) : (dear ? NICHE : QUESTION);
  }

  /** The smallest value with at least half of the values at or below it: element ceil(n/2) - 1 once sorted. */
  static <T extends Comparable<? super T>> T lowerMedian(Collection<T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no median of nothing");
    }
    List<T> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    return sorted.get((sorted.size() + 1) / 2 - 1);
  }

  /** Calendar days from a's date to b's date, whatever the time of day; null when either is missing. */
  static Integer days(LocalDateTime a, LocalDateTime b) {
    return a == null || b == null ? null
        : Math.toIntExact(ChronoUnit.DAYS.between(a.toLocalDate(), b.toLocalDate()));
  }

  private static LocalDateTime timestamp(String text) {
    return text == null || text.isEmpty() ? null : LocalDateTime.parse(text, TIMESTAMP);
  }

  /** A CSV file as rows keyed by its header's column names; a row of another width is an error, not a guess. */
  private static List<Map<String, String>> read(Path file) {
    List<List<String>> records;
    try {
      records = parseCsv(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>(records.size() - 1);
    for (List<String> record : records.subList(1, records.size())) {
      if (record.size() != header.size()) {
        throw new IllegalStateException(file.getFileName() + ": " + record.size() + " fields, header has "
            + header.size() + ": " + record);
      }
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), record.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * RFC 4180: a field opening with a quote runs to the next lone quote, {@code ""} inside it is one quote, and it may
   * hold commas and line breaks. Records end at LF or CRLF outside quotes. A leading BOM is dropped.
   */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int n = text.length();
    for (int i = text.startsWith("\uFEFF") ? 1 : 0; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c != '"') {
          field.append(c);
        } else if (i + 1 < n && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          quoted = false;
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n')) {
        i += c == '\r' ? 1 : 0;
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted field is never closed");
    }
    // The last record may lack its line break.
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
