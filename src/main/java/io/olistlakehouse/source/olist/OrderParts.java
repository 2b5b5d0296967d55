package io.olistlakehouse.source.olist;

import io.olistlakehouse.source.model.Order;
import io.olistlakehouse.source.model.OrderItem;
import io.olistlakehouse.source.model.Payment;
import io.olistlakehouse.source.model.Review;
import java.util.ArrayList;
import java.util.List;

/** An accepted order and the item, payment and review rows that refer to it, collected while reading. */
final class OrderParts {

  final Order order;
  final List<OrderItem> items = new ArrayList<>(1);
  final List<Payment> payments = new ArrayList<>(1);
  final List<Review> reviews = new ArrayList<>(1);

  OrderParts(Order order) {
    this.order = order;
  }
}
