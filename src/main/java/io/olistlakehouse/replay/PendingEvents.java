package io.olistlakehouse.replay;

import java.util.Comparator;
import java.util.PriorityQueue;

/** Derived events waiting for the replay clock, earliest first (ties in derivation order). */
final class PendingEvents {

  private static final Comparator<ReplayEvent> EVENT_ORDER =
      Comparator.comparingLong(ReplayEvent::eventTime).thenComparingLong(ReplayEvent::sequence);

  private final PriorityQueue<ReplayEvent> queue = new PriorityQueue<>(1024, EVENT_ORDER);

  void add(ReplayEvent event) {
    queue.add(event);
  }

  /** Is the earliest pending event at or before {@code watermark}? */
  boolean releasable(long watermark) {
    ReplayEvent head = queue.peek();
    return head != null && head.eventTime() <= watermark;
  }

  ReplayEvent poll() {
    return queue.poll();
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  int size() {
    return queue.size();
  }
}
