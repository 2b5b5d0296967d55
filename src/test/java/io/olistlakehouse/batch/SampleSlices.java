package io.olistlakehouse.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Olist sample cut into folders by purchase time, each a complete Olist folder the replayer reads: its orders
 * with their items, payments and reviews, and all master data (the replayer sends only what its orders reference,
 * so a product bought in two slices is sent twice, as a real CDC source re-sends a row).
 */
final class SampleSlices {

  private static final List<String> MASTER_FILES = List.of("olist_customers_dataset.csv",
      "olist_products_dataset.csv", "olist_sellers_dataset.csv", "olist_geolocation_dataset.csv",
      "product_category_name_translation.csv");
  private static final List<String> ORDER_FILES = List.of("olist_order_items_dataset.csv",
      "olist_order_payments_dataset.csv", "olist_order_reviews_dataset.csv");

  private SampleSlices() {}

  /** Folders {@code slice-1..n} under {@code into}, split at the given purchase times ("2017-08-01", ...). */
  static List<Path> write(Path sample, Path into, String... cuts) {
    try {
      List<String> orders = records(sample.resolve("olist_orders_dataset.csv"));
      List<Path> slices = new ArrayList<>();
      for (int i = 0; i <= cuts.length; i++) {
        String from = i == 0 ? "" : cuts[i - 1];
        String until = i == cuts.length ? "9999" : cuts[i];
        Path dir = Files.createDirectories(into.resolve("slice-" + (i + 1)));
        List<String> mine = new ArrayList<>(List.of(orders.get(0)));
        Set<String> ids = new HashSet<>();
        for (String order : orders.subList(1, orders.size())) {
          String purchase = order.split(",", -1)[3];
          if (purchase.compareTo(from) >= 0 && purchase.compareTo(until) < 0) {
            mine.add(order);
            ids.add(order.substring(0, order.indexOf(',')));
          }
        }
        Files.writeString(dir.resolve("olist_orders_dataset.csv"), String.join("\n", mine) + "\n");
        for (String file : ORDER_FILES) {
          List<String> rows = records(sample.resolve(file));
          List<String> kept = new ArrayList<>(List.of(rows.get(0)));
          int orderColumn = file.contains("reviews") ? 1 : 0;
          rows.subList(1, rows.size()).stream().filter(r -> ids.contains(r.split(",", -1)[orderColumn]))
              .forEach(kept::add);
          Files.writeString(dir.resolve(file), String.join("\n", kept) + "\n");
        }
        for (String file : MASTER_FILES) {
          Files.copy(sample.resolve(file), dir.resolve(file));
        }
        slices.add(dir);
      }
      return slices;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's records as text: a newline inside a quoted field (review comments) does not end a record. */
  static List<String> records(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> records = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        records.add(text.substring(start, i > start && text.charAt(i - 1) == '\r' ? i - 1 : i));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      records.add(text.substring(start));
    }
    return records;
  }
}
