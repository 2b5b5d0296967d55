package io.olistlakehouse.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PendingEventsTest {

  @Test
  void releasesByTimeThenSequenceWhateverTheInsertionOrder() {
    Random random = new Random(3);
    PendingEvents pending = new PendingEvents();
    List<ReplayEvent> all = new ArrayList<>();
    List<ReplayEvent> out = new ArrayList<>();
    long sequence = 0;
    for (int round = 0; round < 50; round++) {
      for (int i = 0; i < random.nextInt(200); i++) {
        ReplayEvent e = new ReplayEvent(BronzeStream.PAYMENT, "k", random.nextInt(500), sequence++, null);
        all.add(e);
        pending.add(e);
      }
      for (int i = 0; i < random.nextInt(150) && !pending.isEmpty(); i++) {
        out.add(pending.poll());
      }
    }
    while (!pending.isEmpty()) {
      out.add(pending.poll());
    }
    assertNull(pending.poll());
    assertEquals(all.size(), out.size());
    // Each batch of polls is sorted; a full drain of everything at once would equal the sorted list.
    PendingEvents again = new PendingEvents();
    all.forEach(again::add);
    List<ReplayEvent> drained = new ArrayList<>();
    while (!again.isEmpty()) {
      drained.add(again.poll());
    }
    List<ReplayEvent> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingLong(ReplayEvent::eventTime).thenComparingLong(ReplayEvent::sequence));
    assertEquals(sorted, drained);
  }

  @Test
  void releasableComparesTheEarliestTimeWithTheWatermark() {
    PendingEvents pending = new PendingEvents();
    assertFalse(pending.releasable(Long.MAX_VALUE));
    pending.add(new ReplayEvent(BronzeStream.REVIEW, "k", 100, 1, null));
    pending.add(new ReplayEvent(BronzeStream.REVIEW, "k", 50, 2, null));
    assertFalse(pending.releasable(49));
    assertTrue(pending.releasable(50));
    assertEquals(2, pending.poll().sequence());
    assertEquals(1, pending.size());
  }
}
