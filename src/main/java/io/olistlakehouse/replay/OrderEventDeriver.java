package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.source.model.Customer;
import io.olistlakehouse.source.model.Geolocation;
import io.olistlakehouse.source.model.Order;
import io.olistlakehouse.source.model.OrderBundle;
import io.olistlakehouse.source.model.OrderItem;
import io.olistlakehouse.source.model.Payment;
import io.olistlakehouse.source.model.Product;
import io.olistlakehouse.source.model.Review;
import io.olistlakehouse.source.model.Seller;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The CDC mimic's rules: one order bundle becomes its change events, each with its event time.
 * <ul>
 *   <li>order_status: one event per present milestone (purchase, approved, delivered_carrier, delivered_customer),
 *       plus a terminal event (canceled / unavailable) at the order's last known timestamp;</li>
 *   <li>at the purchase: its estimated delivery date, its items and its payments; split payments get distinct times,
 *       each earlier payment_sequential a configured gap before the next, the last one at the purchase;</li>
 *   <li>master data (zip prefixes, customer, sellers, products) the first time an order references it, at the
 *       order's first event, so references come before the events that use them;</li>
 *   <li>reviews at their creation date.</li>
 * </ul>
 * Sequence numbers follow derivation order, which is a function of the source alone.
 */
public final class OrderEventDeriver {

  private final long paymentGapMillis;
  private final FirstReferences firstReferences = new FirstReferences();
  private long nextSequence;

  public OrderEventDeriver(DerivationSettings settings) {
    this.paymentGapMillis = settings.paymentGapMillis();
  }

  public List<ReplayEvent> derive(OrderBundle bundle) {
    Order order = bundle.order();
    if (order.purchaseAt() == null) {
      throw new IllegalArgumentException("order " + order.orderId() + " has no purchase timestamp: the source must "
          + "reject it");
    }
    String orderId = order.orderId();
    long purchase = millis(order.purchaseAt());
    List<Payment> payments = bundle.payments().stream()
        .sorted(Comparator.comparingInt(Payment::paymentSequential)).toList();
    long opening = purchase - Math.max(0, payments.size() - 1) * paymentGapMillis;

    List<ReplayEvent> out = new ArrayList<>();
    masterData(bundle, opening, out);
    status(order, StatusChange.PURCHASE, order.purchaseAt(), out);
    if (order.estimatedDeliveryAt() != null) {
      add(out, BronzeStream.ESTIMATED_DELIVERY_DATE, orderId, purchase,
          new EstimatedDelivery(orderId, order.estimatedDeliveryAt()));
    }
    for (OrderItem item : bundle.items()) {
      add(out, BronzeStream.ORDER_ITEM, orderId, purchase, item);
    }
    for (int i = 0; i < payments.size(); i++) {
      long lead = (payments.size() - 1L - i) * paymentGapMillis;
      add(out, BronzeStream.PAYMENT, orderId, purchase - lead, payments.get(i));
    }
    status(order, StatusChange.APPROVED, order.approvedAt(), out);
    status(order, StatusChange.DELIVERED_CARRIER, order.deliveredCarrierAt(), out);
    status(order, StatusChange.DELIVERED_CUSTOMER, order.deliveredCustomerAt(), out);
    String finalStatus = order.status() == null ? "" : order.status().toLowerCase(Locale.ROOT);
    if (StatusChange.TERMINAL.contains(finalStatus)) {
      status(order, finalStatus, lastKnownTimestamp(order), out);
    }
    for (Review review : bundle.reviews()) {
      if (review.creationDate() == null) {
        throw new IllegalArgumentException("review " + review.reviewId() + " of order " + orderId
            + " has no creation date: the source must reject it");
      }
      add(out, BronzeStream.REVIEW, orderId, millis(review.creationDate()), review);
    }
    return out;
  }

  private void masterData(OrderBundle bundle, long at, List<ReplayEvent> out) {
    // Zip prefixes first: customers and sellers refer to them.
    for (Geolocation g : bundle.geolocations()) {
      firstReference(out, BronzeStream.GEOLOCATION, g.zipCodePrefix(), at, g);
    }
    Customer customer = bundle.customer();
    if (customer != null) {
      firstReference(out, BronzeStream.CUSTOMER, customer.customerId(), at, customer);
    }
    for (Seller s : bundle.sellers()) {
      firstReference(out, BronzeStream.SELLER, s.sellerId(), at, s);
    }
    for (Product p : bundle.products()) {
      firstReference(out, BronzeStream.PRODUCT, p.productId(), at, p);
    }
  }

  private void firstReference(List<ReplayEvent> out, BronzeStream stream, String id, long at, Object entity) {
    if (firstReferences.firstTime(stream, id)) {
      add(out, stream, id, at, entity);
    }
  }

  private void status(Order order, String status, LocalDateTime at, List<ReplayEvent> out) {
    if (at != null) {
      add(out, BronzeStream.ORDER_STATUS, order.orderId(), millis(at),
          new StatusChange(order.orderId(), order.customerId(), status));
    }
  }

  private void add(List<ReplayEvent> out, BronzeStream stream, String key, long eventTime, Object payload) {
    out.add(new ReplayEvent(stream, key, eventTime, nextSequence++, payload));
  }

  /** The latest of the order's milestone timestamps (the estimated delivery is a promise, not an event). */
  static LocalDateTime lastKnownTimestamp(Order order) {
    return Stream.of(order.purchaseAt(), order.approvedAt(), order.deliveredCarrierAt(), order.deliveredCustomerAt())
        .filter(t -> t != null).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** Olist timestamps carry no zone; the project reads them as UTC. */
  public static long millis(LocalDateTime t) {
    return t.toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
