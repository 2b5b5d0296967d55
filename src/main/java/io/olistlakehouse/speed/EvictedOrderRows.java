package io.olistlakehouse.speed;

import io.olistlakehouse.delivery.DeliveryRules;
import io.olistlakehouse.delivery.DeliveryStatus;
import io.olistlakehouse.delivery.OrderDelivery;
import io.olistlakehouse.delivery.OrderDeliveryTable;
import io.olistlakehouse.delivery.OrderMilestones;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Rows of orders whose state was evicted and that then got another event. An open order's state goes after its
 * retention; an event after that starts a fresh state that knows only the new events, and its row would replace the
 * order's full row in order_delivery with a fragment. A fragment either has a later milestone or a terminal status
 * but no purchase_at (every order starts with its purchase, and its estimate, items and payments come with it), or
 * a purchase, estimate or shipping limit older than the open-order retention (a duplicate or re-sent event: an
 * order that old has mostly been evicted, and when the state is live after all, completion changes nothing). A
 * fragment is completed from the row the table holds: the held milestones fill what the fragment lacks, and every
 * derived column is evaluated again by {@link DeliveryRules}, as the batch layer does over all events. Only
 * micro-batches holding such a row read the table, so the usual one pays nothing.
 */
final class EvictedOrderRows {

  private static final String[] MILESTONES = {"purchase_at", "approved_at", "delivered_carrier_at",
      "delivered_customer_at", "estimated_delivery_at", "shipping_limit_at"};

  private EvictedOrderRows() {}

  /** The rows to write, fragments completed from the table's current rows of the same orders. */
  static List<Record> completed(Table table, List<Record> rows, long watermarkMillis, long openRetentionMillis) {
    LocalDateTime clock = LocalDateTime.ofInstant(Instant.ofEpochMilli(watermarkMillis), ZoneOffset.UTC);
    LocalDateTime reopenedBefore = clock.minus(Duration.ofMillis(openRetentionMillis));
    Set<String> fragments = rows.stream().filter(r -> isFragment(r, reopenedBefore))
        .map(r -> (String) r.getField("order_id")).collect(Collectors.toSet());
    if (fragments.isEmpty()) {
      return rows;
    }
    Map<String, Record> held = new HashMap<>();
    try (CloseableIterable<Record> read = IcebergGenerics.read(table)
        .where(Expressions.in("order_id", fragments.toArray())).build()) {
      read.forEach(r -> held.put((String) r.getField("order_id"), r.copy()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the held rows of evicted orders " + fragments, e);
    }
    List<Record> out = new ArrayList<>(rows.size());
    for (Record row : rows) {
      String orderId = (String) row.getField("order_id");
      Record kept = fragments.contains(orderId) ? held.get(orderId) : null;
      out.add(kept == null ? row : complete(row, kept, clock));
    }
    return out;
  }

  static boolean isFragment(Record row, LocalDateTime reopenedBefore) {
    OrderMilestones m = milestones(row);
    boolean laterWithoutPurchase = m.purchaseAt() == null && (m.approvedAt() != null
        || m.deliveredCarrierAt() != null || m.deliveredCustomerAt() != null || m.terminalStatus() != null);
    return laterWithoutPurchase || Stream.of(m.purchaseAt(), m.estimatedDeliveryAt(), m.shippingLimitAt())
        .anyMatch(at -> at != null && at.isBefore(reopenedBefore));
  }

  /** The fragment with the kept row's milestones where it has none, and its derived columns evaluated again. */
  static Record complete(Record fragment, Record kept, LocalDateTime clock) {
    OrderMilestones m = merge(milestones(fragment), milestones(kept));
    OrderDelivery d = DeliveryRules.evaluate(m, clock);
    LocalDateTime lastFact = later(time(fragment, "updated_at"), time(kept, "updated_at"));
    Record out = fragment.copy();
    Object[] values = OrderDeliveryTable.values(d, OrderDeliveryTable.ts(OrderDeliveryTable.updatedAt(d, lastFact)));
    for (int i = 0; i < OrderDeliveryTable.COLUMNS.length; i++) {
      Object v = values[i];
      out.setField(OrderDeliveryTable.COLUMNS[i], v instanceof Timestamp t
          ? OffsetDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC) : v);
    }
    return out;
  }

  /** Each milestone from the newer side when it has one; the shipping limit is the earliest of both. */
  static OrderMilestones merge(OrderMilestones newer, OrderMilestones older) {
    OrderMilestones m = new OrderMilestones(newer.orderId(),
        first(newer.purchaseAt(), older.purchaseAt()), first(newer.approvedAt(), older.approvedAt()),
        first(newer.deliveredCarrierAt(), older.deliveredCarrierAt()),
        first(newer.deliveredCustomerAt(), older.deliveredCustomerAt()),
        first(newer.estimatedDeliveryAt(), older.estimatedDeliveryAt()), newer.shippingLimitAt(),
        newer.terminalStatus() != null ? newer.terminalStatus() : older.terminalStatus());
    return m.withShippingLimitAt(older.shippingLimitAt());
  }

  static OrderMilestones milestones(Record r) {
    String status = (String) r.getField("status");
    DeliveryStatus s = status == null ? null : DeliveryStatus.fromValue(status);
    return new OrderMilestones((String) r.getField("order_id"), time(r, MILESTONES[0]), time(r, MILESTONES[1]),
        time(r, MILESTONES[2]), time(r, MILESTONES[3]), time(r, MILESTONES[4]), time(r, MILESTONES[5]),
        s != null && s.terminal() ? s : null);
  }

  private static LocalDateTime time(Record r, String column) {
    Object v = r.getField(column);
    return v == null ? null : ((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }

  private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
