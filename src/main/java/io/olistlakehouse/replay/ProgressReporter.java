package io.olistlakehouse.replay;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One progress line (events/s, replay clock, share of orders replayed), at most once per interval. */
final class ProgressReporter {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  private final PrintStream out;
  private final long intervalNanos;
  private final long totalOrders;
  private long lastNanos;
  private long lastEvents;

  ProgressReporter(PrintStream out, long intervalMillis, long totalOrders, long startEvents) {
    this.out = out;
    this.intervalNanos = intervalMillis * 1_000_000L;
    this.totalOrders = totalOrders;
    this.lastNanos = System.nanoTime();
    this.lastEvents = startEvents;
  }

  void maybeReport(long events, long clock, long ordersReleased) {
    long now = System.nanoTime();
    if (now - lastNanos < intervalNanos) {
      return;
    }
    double rate = (events - lastEvents) * 1e9 / (now - lastNanos);
    double percent = totalOrders > 0 ? 100.0 * ordersReleased / totalOrders : 100.0;
    out.printf(Locale.ROOT, "replay: %,d events  %,.0f events/s  clock %s  %.1f%% of orders%n", events, rate,
        clock == Long.MIN_VALUE ? "-" : CLOCK.format(Instant.ofEpochMilli(clock)), Math.min(100.0, percent));
    out.flush();
    lastNanos = now;
    lastEvents = events;
  }
}
