package io.olistlakehouse.source.synthetic;

import io.olistlakehouse.source.model.Geolocation;
import io.olistlakehouse.source.model.Order;
import io.olistlakehouse.source.model.OrderBundle;
import io.olistlakehouse.source.model.OrderItem;
import io.olistlakehouse.source.model.Payment;
import io.olistlakehouse.source.model.Product;
import io.olistlakehouse.source.model.Seller;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds the bundle of order number {@code index} from (seed, index) and its purchase time alone. */
final class OrderFactory {

  private static final long CENTS = 100;

  private final long seed;
  private final Places places;
  private final Catalog catalog;
  private final People people;
  private final Reviews reviews;

  OrderFactory(long seed) {
    this.seed = seed;
    this.places = new Places(seed);
    this.catalog = new Catalog(seed, places);
    this.people = new People(seed, places);
    this.reviews = new Reviews(seed);
  }

  String orderId(long index) {
    return Mixing.id(seed, Mixing.ORDER, index, 0);
  }

  OrderBundle build(long index, LocalDateTime purchaseAt) {
    SplittableRandom random = Mixing.random(seed, Mixing.ORDER, index, 1);
    String orderId = orderId(index);
    String status = OrderCalibration.STATUSES.get(OrderCalibration.STATUS.pick(random.nextDouble()));
    OrderTimes.Stages stages = OrderTimes.stages(status, random);
    List<Catalog.Offer> basket = basket(random);
    List<BigDecimal> freights = freights(basket, random);
    long totalCents = 0;
    for (int i = 0; i < basket.size(); i++) {
      totalCents += cents(basket.get(i).price()) + cents(freights.get(i));
    }
    // Orders that never got items (most unavailable ones, some canceled) still carry the payment of the basket
    // they were placed for, as in the dataset; their item rows are left out.
    boolean withItems = hasItems(status, stages, random);
    List<Payment> payments = Payments.plan(orderId, totalCents, random);
    boolean boleto = payments.stream().anyMatch(payment -> payment.paymentType().equals("boleto"));
    OrderTimes.Times times = OrderTimes.times(purchaseAt, stages, boleto, random);
    People.Buyer buyer = people.buyer(index);
    Order order = new Order(orderId, buyer.customer().customerId(), status, purchaseAt, times.approvedAt(),
        times.carrierAt(), times.customerAt(), times.estimatedAt());

    List<OrderItem> items = new ArrayList<>(basket.size());
    Map<String, Product> products = new LinkedHashMap<>();
    Map<String, Seller> sellers = new LinkedHashMap<>();
    Map<String, Geolocation> geolocations = new LinkedHashMap<>();
    geolocations.put(buyer.place().zipPrefix(), places.geolocation(buyer.place()));
    if (withItems) {
      LocalDateTime limitBase = times.approvedAt() != null ? times.approvedAt() : purchaseAt;
      for (int i = 0; i < basket.size(); i++) {
        Catalog.Offer offer = basket.get(i);
        int limitDays = OrderCalibration.SHIPPING_LIMIT_DAYS.pick(random.nextDouble());
        items.add(new OrderItem(orderId, i + 1, offer.product().productId(), offer.seller().sellerId(),
            limitBase.plusDays(limitDays), offer.price(), freights.get(i)));
        products.putIfAbsent(offer.product().productId(), offer.product());
        sellers.putIfAbsent(offer.seller().sellerId(), offer.seller());
        geolocations.computeIfAbsent(offer.sellerPlace().zipPrefix(), zip -> places.geolocation(offer.sellerPlace()));
      }
    }
    return new OrderBundle(order, List.copyOf(items), List.copyOf(payments),
        reviews.write(index, order, times.late(), random), buyer.customer(), List.copyOf(products.values()),
        List.copyOf(sellers.values()), List.copyOf(geolocations.values()));
  }

  /** The products ordered: one mostly; a larger basket repeats a product or adds others, often of that seller. */
  private List<Catalog.Offer> basket(SplittableRandom random) {
    int count = OrderCalibration.ITEMS_PER_ORDER.pick(random.nextDouble());
    boolean repeated = random.nextDouble() < OrderCalibration.SAME_PRODUCT_REPEATED;
    int seller = catalog.pickSeller(random.nextDouble());
    int product = catalog.pickProduct(seller, random.nextDouble());
    Catalog.Offer offer = catalog.offer(seller, product);
    List<Catalog.Offer> basket = new ArrayList<>(count);
    basket.add(offer);
    for (int i = 1; i < count; i++) {
      if (!repeated) {
        if (random.nextDouble() < OrderCalibration.OTHER_PRODUCT_SAME_SELLER) {
          product = catalog.anyProduct(seller, random.nextDouble());
        } else {
          seller = catalog.pickSeller(random.nextDouble());
          product = catalog.pickProduct(seller, random.nextDouble());
        }
        offer = catalog.offer(seller, product);
      }
      basket.add(offer);
    }
    return basket;
  }

  /** Freight per item, following the product's size; a repeated product ships at the same freight. */
  private static List<BigDecimal> freights(List<Catalog.Offer> basket, SplittableRandom random) {
    List<BigDecimal> freights = new ArrayList<>(basket.size());
    for (int i = 0; i < basket.size(); i++) {
      Catalog.Offer offer = basket.get(i);
      if (i > 0 && offer == basket.get(i - 1)) {
        freights.add(freights.get(i - 1));
      } else {
        double u = Correlated.uniform(offer.size(), ProductCalibration.FREIGHT_SIZE_CORRELATION, random);
        freights.add(BigDecimal.valueOf(Math.round(ProductCalibration.FREIGHT.at(u) * CENTS), 2));
      }
    }
    return freights;
  }

  private static boolean hasItems(String status, OrderTimes.Stages stages, SplittableRandom random) {
    double u = random.nextDouble();
    return switch (status) {
      case "created" -> false;
      case "unavailable" -> u >= OrderCalibration.UNAVAILABLE_WITHOUT_ITEMS;
      case "canceled" -> stages.approved() && u >= OrderCalibration.APPROVED_CANCELED_WITHOUT_ITEMS;
      default -> true;
    };
  }

  private static long cents(BigDecimal amount) {
    return amount.movePointRight(2).longValueExact();
  }
}
