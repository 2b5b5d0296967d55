package io.olistlakehouse.replay;

import io.olistlakehouse.source.OrderSource;
import io.olistlakehouse.source.Rejections;
import io.olistlakehouse.source.model.Customer;
import io.olistlakehouse.source.model.Geolocation;
import io.olistlakehouse.source.model.Order;
import io.olistlakehouse.source.model.OrderBundle;
import io.olistlakehouse.source.model.OrderItem;
import io.olistlakehouse.source.model.Payment;
import io.olistlakehouse.source.model.Product;
import io.olistlakehouse.source.model.Review;
import io.olistlakehouse.source.model.Seller;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Hand-built order bundles for the derivation tests. */
final class TestBundles {

  static final DerivationSettings SETTINGS = new DerivationSettings(5_000, 86_400_000, 2_000, 7);

  private TestBundles() {}

  static LocalDateTime t(String iso) {
    return LocalDateTime.parse(iso);
  }

  static String id(String name) {
    String hex = Integer.toHexString(name.hashCode() & 0x7fffffff);
    return ("0".repeat(32) + hex).substring(hex.length());
  }

  /** A builder with one item, one payment and no review; change what a test is about. */
  static final class Builder {
    String orderId;
    String status = "delivered";
    LocalDateTime purchase;
    LocalDateTime approved;
    LocalDateTime carrier;
    LocalDateTime customerAt;
    LocalDateTime estimated;
    List<OrderItem> items = new ArrayList<>();
    List<Payment> payments = new ArrayList<>();
    List<Review> reviews = new ArrayList<>();
    String customerId;
    String zip = "01001";
    List<Product> products = new ArrayList<>();
    List<Seller> sellers = new ArrayList<>();

    Builder(String name, String purchaseIso) {
      orderId = id(name);
      customerId = id("customer-" + name);
      purchase = t(purchaseIso);
      estimated = purchase.toLocalDate().plusDays(20).atStartOfDay();
      item("product-" + name, "seller-" + name);
      payments.add(new Payment(orderId, 1, "credit_card", 1, new BigDecimal("10.00")));
    }

    Builder status(String s) {
      status = s;
      return this;
    }

    Builder milestones(String approvedIso, String carrierIso, String customerIso) {
      approved = approvedIso == null ? null : t(approvedIso);
      carrier = carrierIso == null ? null : t(carrierIso);
      customerAt = customerIso == null ? null : t(customerIso);
      return this;
    }

    Builder item(String product, String seller) {
      items.add(new OrderItem(orderId, items.size() + 1, id(product), id(seller), purchase.plusDays(3),
          new BigDecimal("99.90"), new BigDecimal("7.55")));
      if (products.stream().noneMatch(p -> p.productId().equals(id(product)))) {
        products.add(new Product(id(product), "cama_mesa_banho", "bed_bath_table", 40, 300, 1, 500, 20, 10, 15));
      }
      if (sellers.stream().noneMatch(s -> s.sellerId().equals(id(seller)))) {
        sellers.add(new Seller(id(seller), "13023", "campinas", "SP"));
      }
      return this;
    }

    Builder payments(int... sequentials) {
      payments.clear();
      for (int s : sequentials) {
        payments.add(new Payment(orderId, s, s == 1 ? "credit_card" : "voucher", 1, new BigDecimal(s + ".50")));
      }
      return this;
    }

    Builder review(String name, String creationIso) {
      reviews.add(new Review(id(name), orderId, 4, null, "bom", t(creationIso), t(creationIso).plusHours(20)));
      return this;
    }

    OrderBundle build() {
      Order order = new Order(orderId, customerId, status, purchase, approved, carrier, customerAt, estimated);
      Customer customer = new Customer(customerId, id("person-" + customerId), zip, "sao paulo", "SP");
      List<Geolocation> geos = List.of(new Geolocation(zip, -23.55, -46.63, "sao paulo", "SP", 3),
          new Geolocation("13023", -22.9, -47.06, "campinas", "SP", 2));
      return new OrderBundle(order, items, payments, reviews, customer, products, sellers, geos);
    }
  }

  static Builder order(String name, String purchaseIso) {
    return new Builder(name, purchaseIso);
  }

  /** An in-memory source over fixed bundles. */
  static OrderSource source(List<OrderBundle> bundles) {
    Iterator<OrderBundle> it = bundles.iterator();
    return new OrderSource() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public OrderBundle next() {
        return it.next();
      }

      @Override
      public long orderCount() {
        return bundles.size();
      }

      @Override
      public String fingerprint() {
        return "test:" + bundles.size();
      }

      @Override
      public Rejections rejections() {
        return new Rejections();
      }

      @Override
      public void close() {}
    };
  }

  static List<ReplayEvent> replay(List<OrderBundle> bundles) {
    List<ReplayEvent> out = new ArrayList<>();
    new EventStream(bundles.iterator(), SETTINGS).forEachRemaining(out::add);
    return out;
  }
}
