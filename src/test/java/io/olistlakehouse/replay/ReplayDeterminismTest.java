package io.olistlakehouse.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.source.model.OrderBundle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same source, same events, same order, same bytes; ingest_time never before event_time. */
class ReplayDeterminismTest {

  private static List<byte[]> bytes(List<OrderBundle> bundles, DerivationSettings settings) {
    IngestJitter jitter = new IngestJitter(settings.jitterSeed(), settings.jitterMaxMillis());
    List<byte[]> out = new ArrayList<>();
    new EventStream(bundles.iterator(), settings).forEachRemaining(e -> {
      out.add(e.key().getBytes());
      out.add(AvroBytes.encode(BronzeRecords.of(e, jitter.ingestTime(e))));
    });
    return out;
  }

  @Test
  void twoReplaysOfTheSameSourceAreByteForByteEqual() {
    List<byte[]> first = bytes(EventStreamTest.randomOrders(1_000, 21), TestBundles.SETTINGS);
    List<byte[]> second = bytes(EventStreamTest.randomOrders(1_000, 21), TestBundles.SETTINGS);
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i), second.get(i), "record " + i / 2);
    }
  }

  @Test
  void anotherJitterSeedChangesIngestTimesOnly() {
    DerivationSettings other = new DerivationSettings(5_000, 86_400_000, 2_000, 8);
    List<byte[]> a = bytes(EventStreamTest.randomOrders(50, 2), TestBundles.SETTINGS);
    List<byte[]> b = bytes(EventStreamTest.randomOrders(50, 2), other);
    assertEquals(a.size(), b.size());
    assertNotEquals(0, java.util.stream.IntStream.range(0, a.size())
        .filter(i -> !java.util.Arrays.equals(a.get(i), b.get(i))).count());
  }

  @Test
  void ingestTimeIsNeverBeforeEventTimeAndWithinTheMaximum() {
    IngestJitter jitter = new IngestJitter(99, 2_000);
    long spread = 0;
    List<ReplayEvent> events = TestBundles.replay(EventStreamTest.randomOrders(1_000, 4));
    for (ReplayEvent e : events) {
      long delay = jitter.ingestTime(e) - e.eventTime();
      assertTrue(delay >= 0 && delay <= 2_000, "jitter " + delay);
      spread = Math.max(spread, delay);
    }
    assertTrue(spread > 1_000, "the jitter actually varies");
    IngestJitter none = new IngestJitter(99, 0);
    assertTrue(events.stream().allMatch(e -> none.ingestTime(e) == e.eventTime()));
    // Extreme sequence numbers and seeds still give a non-negative jitter.
    ReplayEvent extreme = new ReplayEvent(events.get(0).stream(), "k", 0, Long.MAX_VALUE, null);
    assertTrue(new IngestJitter(Long.MIN_VALUE, 2_000).ingestTime(extreme) >= 0);
  }
}
