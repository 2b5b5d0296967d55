package io.olistlakehouse.source.olist;

import io.olistlakehouse.source.model.Order;
import io.olistlakehouse.source.model.OrderItem;
import io.olistlakehouse.source.model.Payment;
import io.olistlakehouse.source.model.Review;
import java.util.List;
import java.util.function.Predicate;

/**
 * Maps the rows of the order files. An item, payment or review must refer to an accepted order (and an item to an
 * accepted product and seller); the key of a child row is checked for duplicates among its order's rows.
 */
final class OrderRows {

  private final OlistTables tables;

  OrderRows(OlistTables tables) {
    this.tables = tables;
  }

  void order(OlistRow row) throws RejectedRow {
    String orderId = row.id(0);
    try {
      String customerId = row.id(1);
      tables.customers().require(customerId, "customer_id");
      Order order = new Order(orderId, customerId, row.oneOf(2, OlistCodes.ORDER_STATUSES), row.timestamp(3),
          row.optionalTimestamp(4), row.optionalTimestamp(5), row.optionalTimestamp(6), row.timestamp(7));
      tables.orders().put(orderId, row.line(), new OrderParts(order));
    } catch (RejectedRow rejected) {
      tables.orders().markRejected(orderId);
      throw rejected;
    }
  }

  void item(OlistRow row) throws RejectedRow {
    OrderParts parts = tables.orders().require(row.id(0), "order_id");
    int itemId = row.integer(1, 1, Integer.MAX_VALUE);
    String productId = row.id(2);
    tables.products().require(productId, "product_id");
    String sellerId = row.id(3);
    tables.sellers().require(sellerId, "seller_id");
    OrderItem item = new OrderItem(parts.order.orderId(), itemId, productId, sellerId, row.timestamp(4),
        row.money(5), row.money(6));
    rejectDuplicate(parts.items, other -> other.orderItemId() == itemId, parts, "order_item_id " + itemId);
    parts.items.add(item);
  }

  void payment(OlistRow row) throws RejectedRow {
    OrderParts parts = tables.orders().require(row.id(0), "order_id");
    int sequential = row.integer(1, 1, Integer.MAX_VALUE);
    Payment payment = new Payment(parts.order.orderId(), sequential, row.oneOf(2, OlistCodes.PAYMENT_TYPES),
        row.integer(3, 0, Integer.MAX_VALUE), row.money(4));
    rejectDuplicate(parts.payments, other -> other.paymentSequential() == sequential, parts,
        "payment_sequential " + sequential);
    parts.payments.add(payment);
  }

  /** The full dataset reuses some review ids across orders, so a review's key is (review_id, order_id). */
  void review(OlistRow row) throws RejectedRow {
    String reviewId = row.id(0);
    OrderParts parts = tables.orders().require(row.id(1), "order_id");
    Review review = new Review(reviewId, parts.order.orderId(),
        row.integer(2, OlistCodes.MIN_REVIEW_SCORE, OlistCodes.MAX_REVIEW_SCORE),
        row.optionalText(3), row.optionalText(4), row.timestamp(5), row.timestamp(6));
    rejectDuplicate(parts.reviews, other -> other.reviewId().equals(reviewId), parts, "review_id " + reviewId);
    parts.reviews.add(review);
  }

  private static <T> void rejectDuplicate(List<T> siblings, Predicate<T> sameKey, OrderParts parts, String key)
      throws RejectedRow {
    for (T sibling : siblings) {
      if (sameKey.test(sibling)) {
        throw new RejectedRow("duplicate " + key + " for order_id '" + parts.order.orderId()
            + "' (an earlier row has it)");
      }
    }
  }
}
