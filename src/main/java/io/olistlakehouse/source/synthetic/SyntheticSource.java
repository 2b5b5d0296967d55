package io.olistlakehouse.source.synthetic;

import io.olistlakehouse.source.OrderSource;
import io.olistlakehouse.source.Rejections;
import io.olistlakehouse.source.model.OrderBundle;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Olist-shaped orders made up on the fly, calibrated on the real sample: the same (orders, seed) always gives the
 * same bundles, another seed other ones. Order i's purchase time is the calendar's quantile at (i + jitter) / N,
 * so times rise with i; orders within the same second are put in order id order. Everything else about an order
 * derives from (seed, i), and master data from (seed, entity index), so memory stays flat at any scale.
 */
public final class SyntheticSource implements OrderSource {

  /** Changes whenever the same (orders, seed) would produce different data. */
  public static final String GENERATOR_VERSION = "olist-synthetic-1";

  private final long orders;
  private final long seed;
  private final OrderFactory factory;
  private final Rejections noRejections = new Rejections();
  private final Deque<Pending> sameSecond = new ArrayDeque<>();
  private long nextIndex;
  private LocalDateTime nextTime;
  private long emitted;
  private boolean closed;

  private record Pending(long index, String orderId, LocalDateTime purchaseAt) {}

  public SyntheticSource(long orders, long seed) {
    if (orders < 0) {
      throw new IllegalArgumentException("the number of orders must not be negative, was " + orders);
    }
    this.orders = orders;
    this.seed = seed;
    this.factory = new OrderFactory(seed);
  }

  @Override
  public boolean hasNext() {
    return !closed && emitted < orders;
  }

  @Override
  public OrderBundle next() {
    if (!hasNext()) {
      throw new NoSuchElementException(closed ? "the source is closed" : "all " + orders + " orders were generated");
    }
    if (sameSecond.isEmpty()) {
      collectNextSecond();
    }
    Pending pending = sameSecond.poll();
    emitted++;
    return factory.build(pending.index(), pending.purchaseAt());
  }

  /** Gathers the orders placed in the next purchase second, sorted by order id. */
  private void collectNextSecond() {
    List<Pending> group = new ArrayList<>(1);
    LocalDateTime second = timeOf(nextIndex);
    do {
      group.add(new Pending(nextIndex, factory.orderId(nextIndex), second));
      nextIndex++;
      nextTime = nextIndex < orders ? PurchaseCalendar.INSTANCE.at(quantile(nextIndex)) : null;
    } while (second.equals(nextTime));
    group.sort(Comparator.comparing(Pending::orderId));
    sameSecond.addAll(group);
  }

  private LocalDateTime timeOf(long index) {
    return nextTime != null ? nextTime : PurchaseCalendar.INSTANCE.at(quantile(index));
  }

  private double quantile(long index) {
    return (index + Mixing.unit(Mixing.key(seed, Mixing.PURCHASE_TIME, index, 0))) / orders;
  }

  @Override
  public long orderCount() {
    return orders;
  }

  @Override
  public String fingerprint() {
    return GENERATOR_VERSION + " orders=" + orders + " seed=" + seed;
  }

  /** Always empty: the generator produces only valid rows. */
  @Override
  public Rejections rejections() {
    return noRejections;
  }

  @Override
  public void close() {
    closed = true;
  }
}
