package io.olistlakehouse.source.synthetic;

import io.olistlakehouse.source.model.Customer;
import io.olistlakehouse.source.model.Geolocation;
import io.olistlakehouse.source.model.Order;
import io.olistlakehouse.source.model.OrderBundle;
import io.olistlakehouse.source.model.OrderItem;
import io.olistlakehouse.source.model.Payment;
import io.olistlakehouse.source.model.Product;
import io.olistlakehouse.source.model.Review;
import io.olistlakehouse.source.model.Seller;
import io.olistlakehouse.source.olist.OlistFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Test helper: writes bundles as the nine Olist CSV files, each master row once, to read them back. */
final class OlistCsvWriter implements AutoCloseable {

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Map<OlistFile, BufferedWriter> files = new EnumMap<>(OlistFile.class);
  private final Set<String> written = new HashSet<>();
  private final int geolocationRowsPerRow;

  /** {@code geolocationRowsPerRow} repeats each geolocation row, to reach the full dataset's million rows. */
  OlistCsvWriter(Path dir, int geolocationRowsPerRow) throws IOException {
    this.geolocationRowsPerRow = geolocationRowsPerRow;
    for (OlistFile file : OlistFile.values()) {
      BufferedWriter writer = Files.newBufferedWriter(dir.resolve(file.fileName()), StandardCharsets.UTF_8);
      files.put(file, writer);
      line(file, file.columns().toArray());
    }
    for (Categories.Category category : Categories.ALL) {
      line(OlistFile.CATEGORY_TRANSLATION, category.name(), category.english());
    }
  }

  static void write(Path dir, Iterator<OrderBundle> bundles, int geolocationRowsPerRow) throws IOException {
    try (OlistCsvWriter writer = new OlistCsvWriter(dir, geolocationRowsPerRow)) {
      bundles.forEachRemaining(writer::add);
    }
  }

  void add(OrderBundle bundle) {
    Order o = bundle.order();
    line(OlistFile.ORDERS, o.orderId(), o.customerId(), o.status(), time(o.purchaseAt()), time(o.approvedAt()),
        time(o.deliveredCarrierAt()), time(o.deliveredCustomerAt()), time(o.estimatedDeliveryAt()));
    for (OrderItem i : bundle.items()) {
      line(OlistFile.ORDER_ITEMS, i.orderId(), i.orderItemId(), i.productId(), i.sellerId(),
          time(i.shippingLimitAt()), i.price().toPlainString(), i.freightValue().toPlainString());
    }
    for (Payment p : bundle.payments()) {
      line(OlistFile.ORDER_PAYMENTS, p.orderId(), p.paymentSequential(), p.paymentType(), p.paymentInstallments(),
          p.paymentValue().toPlainString());
    }
    for (Review r : bundle.reviews()) {
      line(OlistFile.ORDER_REVIEWS, r.reviewId(), r.orderId(), r.score(), r.commentTitle(), r.commentMessage(),
          time(r.creationDate()), time(r.answerAt()));
    }
    Customer c = bundle.customer();
    line(OlistFile.CUSTOMERS, c.customerId(), c.customerUniqueId(), c.zipCodePrefix(), c.city(), c.state());
    for (Product p : bundle.products()) {
      if (written.add("product " + p.productId())) {
        line(OlistFile.PRODUCTS, p.productId(), p.categoryName(), p.nameLength(), p.descriptionLength(),
            p.photosQty(), p.weightG(), p.lengthCm(), p.heightCm(), p.widthCm());
      }
    }
    for (Seller s : bundle.sellers()) {
      if (written.add("seller " + s.sellerId())) {
        line(OlistFile.SELLERS, s.sellerId(), s.zipCodePrefix(), s.city(), s.state());
      }
    }
    for (Geolocation g : bundle.geolocations()) {
      if (written.add("zip " + g.zipCodePrefix())) {
        for (int row = 0; row < g.sourceRows() * geolocationRowsPerRow; row++) {
          line(OlistFile.GEOLOCATION, g.zipCodePrefix(), plain(g.lat()), plain(g.lng()),
              g.city(), g.state());
        }
      }
    }
  }

  private void line(OlistFile file, Object... values) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      String value = values[i] == null ? "" : values[i].toString();
      boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n");
      text.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
    }
    try {
      files.get(file).write(text.append('\n').toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The dataset writes coordinates as plain decimals, never with an exponent. */
  private static String plain(double degrees) {
    return BigDecimal.valueOf(degrees).toPlainString();
  }

  private static String time(LocalDateTime time) {
    return time == null ? null : TIMESTAMP.format(time);
  }

  @Override
  public void close() throws IOException {
    for (BufferedWriter writer : files.values()) {
      writer.close();
    }
  }
}
