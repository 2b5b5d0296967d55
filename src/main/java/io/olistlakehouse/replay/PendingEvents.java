package io.olistlakehouse.replay;

import java.util.Arrays;

/**
 * Derived events waiting for the replay clock, earliest first (ties in derivation order). A four-ary heap whose
 * (time, sequence) keys sit side by side in one primitive array: ordering never visits the event objects, and the
 * four children of a node share a cache line, which halves the misses of a binary heap over separate arrays (the
 * heap holds every event of the orders in flight, far more than the caches).
 */
final class PendingEvents {

  private static final int ARITY = 4;

  /** keys[2i] is the time and keys[2i + 1] the sequence of events[i]. */
  private long[] keys = new long[2 * 1024];
  private ReplayEvent[] events = new ReplayEvent[1024];
  private int size;

  void add(ReplayEvent event) {
    if (size == events.length) {
      keys = Arrays.copyOf(keys, 4 * size);
      events = Arrays.copyOf(events, 2 * size);
    }
    long time = event.eventTime();
    long sequence = event.sequence();
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) / ARITY;
      if (!before(time, sequence, parent)) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, time, sequence, event);
  }

  /** Is the earliest pending event at or before {@code watermark}? */
  boolean releasable(long watermark) {
    return size > 0 && keys[0] <= watermark;
  }

  ReplayEvent poll() {
    if (size == 0) {
      return null;
    }
    ReplayEvent head = events[0];
    int last = --size;
    long time = keys[2 * last];
    long sequence = keys[2 * last + 1];
    ReplayEvent moved = events[last];
    events[last] = null;
    if (size == 0) {
      return head;
    }
    int i = 0;
    while (true) {
      int first = ARITY * i + 1;
      if (first >= size) {
        break;
      }
      int least = first;
      int end = Math.min(first + ARITY, size);
      for (int child = first + 1; child < end; child++) {
        if (before(keys[2 * child], keys[2 * child + 1], least)) {
          least = child;
        }
      }
      if (!before(keys[2 * least], keys[2 * least + 1], time, sequence)) {
        break;
      }
      move(least, i);
      i = least;
    }
    set(i, time, sequence, moved);
    return head;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  private void move(int from, int to) {
    keys[2 * to] = keys[2 * from];
    keys[2 * to + 1] = keys[2 * from + 1];
    events[to] = events[from];
  }

  private void set(int i, long time, long sequence, ReplayEvent event) {
    keys[2 * i] = time;
    keys[2 * i + 1] = sequence;
    events[i] = event;
  }

  /** Does (time, sequence) come before the event at {@code slot}? */
  private boolean before(long time, long sequence, int slot) {
    return before(time, sequence, keys[2 * slot], keys[2 * slot + 1]);
  }

  private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
    return time < otherTime || (time == otherTime && sequence < otherSequence);
  }
}
