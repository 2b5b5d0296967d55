package io.olistlakehouse.replay;

import java.util.Arrays;

/**
 * Derived events waiting for the replay clock, earliest first (ties in derivation order). A binary heap over
 * parallel arrays: ordering compares primitive times and sequence numbers without visiting the event objects,
 * which is most of the derivation's cost with a plain PriorityQueue.
 */
final class PendingEvents {

  private long[] times = new long[1024];
  private long[] sequences = new long[1024];
  private ReplayEvent[] events = new ReplayEvent[1024];
  private int size;

  void add(ReplayEvent event) {
    if (size == events.length) {
      times = Arrays.copyOf(times, size * 2);
      sequences = Arrays.copyOf(sequences, size * 2);
      events = Arrays.copyOf(events, size * 2);
    }
    int i = size++;
    long time = event.eventTime();
    long sequence = event.sequence();
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(time, sequence, times[parent], sequences[parent])) {
        break;
      }
      set(i, times[parent], sequences[parent], events[parent]);
      i = parent;
    }
    set(i, time, sequence, event);
  }

  /** Is the earliest pending event at or before {@code watermark}? */
  boolean releasable(long watermark) {
    return size > 0 && times[0] <= watermark;
  }

  ReplayEvent poll() {
    if (size == 0) {
      return null;
    }
    ReplayEvent head = events[0];
    int last = --size;
    long time = times[last];
    long sequence = sequences[last];
    ReplayEvent moved = events[last];
    events[last] = null;
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && before(times[right], sequences[right], times[child], sequences[child])) {
        child = right;
      }
      if (!before(times[child], sequences[child], time, sequence)) {
        break;
      }
      set(i, times[child], sequences[child], events[child]);
      i = child;
    }
    if (size > 0) {
      set(i, time, sequence, moved);
    }
    return head;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  private void set(int i, long time, long sequence, ReplayEvent event) {
    times[i] = time;
    sequences[i] = sequence;
    events[i] = event;
  }

  private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
    return time < otherTime || (time == otherTime && sequence < otherSequence);
  }
}
