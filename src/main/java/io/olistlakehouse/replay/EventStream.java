package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.source.model.OrderBundle;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The replay's one stream of events in event-time order. Bundles arrive in purchase order; their events wait in a
 * queue until the source has moved a reorder window past them (split payments and other early times are then
 * already in), and are released earliest first. When the source ends, everything still pending is released. Memory
 * holds the events of the orders in flight, not the data set.
 *
 * <p>A source timestamp earlier than events already released (data anomalies: a review dated before its order,
 * older than the window) cannot be put back in order; it is released at once and counted as late.
 */
public final class EventStream implements Iterator<ReplayEvent> {

  private final Iterator<OrderBundle> source;
  private final OrderEventDeriver deriver;
  private final long reorderWindowMillis;
  private final PendingEvents pending = new PendingEvents();
  private long watermark = Long.MIN_VALUE;
  private long lastPurchase = Long.MIN_VALUE;
  private String lastOrderId;
  private long clock = Long.MIN_VALUE;
  private long released;
  private long lateEvents;
  private long ordersReleased;
  private int peakPending;

  public EventStream(Iterator<OrderBundle> source, DerivationSettings settings) {
    this.source = source;
    this.deriver = new OrderEventDeriver(settings);
    this.reorderWindowMillis = settings.reorderWindowMillis();
  }

  @Override
  public boolean hasNext() {
    while (!pending.releasable(watermark) && source.hasNext()) {
      accept(source.next());
    }
    if (!source.hasNext()) {
      watermark = Long.MAX_VALUE; // the data ended: whatever is pending is due
    }
    return !pending.isEmpty();
  }

  @Override
  public ReplayEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the replay has no more events");
    }
    ReplayEvent event = pending.poll();
    if (event.eventTime() < clock) {
      lateEvents++;
    } else {
      clock = event.eventTime();
    }
    if (event.stream() == BronzeStream.ORDER_STATUS
        && StatusChange.PURCHASE.equals(((StatusChange) event.payload()).status())) {
      ordersReleased++;
    }
    released++;
    return event;
  }

  /** Skips the first {@code count} events (already published by an earlier run); false if there were fewer. */
  public boolean skip(long count) {
    for (long i = 0; i < count; i++) {
      if (!hasNext()) {
        return false;
      }
      next();
    }
    return true;
  }

  private void accept(OrderBundle bundle) {
    long purchase = OrderEventDeriver.millis(bundle.order().purchaseAt());
    String orderId = bundle.order().orderId();
    if (purchase < lastPurchase) {
      throw new IllegalStateException("the source is not in purchase-time order: order " + orderId + " ("
          + bundle.order().purchaseAt() + ") came after order " + lastOrderId);
    }
    lastPurchase = purchase;
    lastOrderId = orderId;
    for (ReplayEvent e : deriver.derive(bundle)) {
      pending.add(e);
    }
    peakPending = Math.max(peakPending, pending.size());
    watermark = purchase - reorderWindowMillis;
  }

  /** Event time of the latest in-order event released: the replay clock. */
  public long clock() {
    return clock;
  }

  public long released() {
    return released;
  }

  /** Events released after later ones because their source time lies before the order's window (anomalies). */
  public long lateEvents() {
    return lateEvents;
  }

  /** Orders whose purchase event has been released. */
  public long ordersReleased() {
    return ordersReleased;
  }

  /** Events derived and waiting: the replay's memory, bounded by the orders in flight. */
  public int pendingEvents() {
    return pending.size();
  }

  /** The most events ever pending at once. */
  public int peakPendingEvents() {
    return peakPending;
  }
}
