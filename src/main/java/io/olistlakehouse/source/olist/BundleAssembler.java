package io.olistlakehouse.source.olist;

import io.olistlakehouse.source.model.Customer;
import io.olistlakehouse.source.model.Geolocation;
import io.olistlakehouse.source.model.OrderBundle;
import io.olistlakehouse.source.model.OrderItem;
import io.olistlakehouse.source.model.Payment;
import io.olistlakehouse.source.model.Product;
import io.olistlakehouse.source.model.Review;
import io.olistlakehouse.source.model.Seller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns an order and its parts into an {@link OrderBundle} with the master data it references. */
final class BundleAssembler {

  private static final Comparator<OrderItem> BY_ITEM_ID = Comparator.comparingInt(OrderItem::orderItemId);
  private static final Comparator<Payment> BY_SEQUENTIAL = Comparator.comparingInt(Payment::paymentSequential);
  private static final Comparator<Review> BY_CREATION =
      Comparator.comparing(Review::creationDate).thenComparing(Review::reviewId);

  private final OlistTables tables;

  BundleAssembler(OlistTables tables) {
    this.tables = tables;
  }

  OrderBundle assemble(OrderParts parts) {
    List<OrderItem> items = sorted(parts.items, BY_ITEM_ID);
    // Every reference was checked while reading, so these lookups find their rows.
    Customer customer = tables.customers().get(parts.order.customerId());
    Map<String, Product> products = new LinkedHashMap<>();
    Map<String, Seller> sellers = new LinkedHashMap<>();
    for (OrderItem item : items) {
      products.computeIfAbsent(item.productId(), id -> tables.products().get(id));
      sellers.computeIfAbsent(item.sellerId(), id -> tables.sellers().get(id));
    }
    Set<String> zipPrefixes = new LinkedHashSet<>();
    zipPrefixes.add(customer.zipCodePrefix());
    sellers.values().forEach(seller -> zipPrefixes.add(seller.zipCodePrefix()));
    List<Geolocation> geolocations = new ArrayList<>(zipPrefixes.size());
    for (String prefix : zipPrefixes) {
      Geolocation geolocation = tables.geolocations().get(prefix);
      if (geolocation != null) {
        geolocations.add(geolocation);
      }
    }
    return new OrderBundle(parts.order, items, sorted(parts.payments, BY_SEQUENTIAL),
        sorted(parts.reviews, BY_CREATION), customer, List.copyOf(products.values()),
        List.copyOf(sellers.values()), List.copyOf(geolocations));
  }

  private static <T> List<T> sorted(List<T> rows, Comparator<T> order) {
    List<T> copy = new ArrayList<>(rows);
    copy.sort(order);
    return List.copyOf(copy);
  }
}
