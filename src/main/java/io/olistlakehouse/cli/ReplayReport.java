package io.olistlakehouse.cli;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.replay.ReplayOutcome;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.source.Rejection;
import io.olistlakehouse.source.Rejections;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a replay run prints: what it published (or that there was nothing left), late events and rejected rows. */
final class ReplayReport {

  private ReplayReport() {}

  static void print(ReplayOutcome o, ReplayTopics topics, Rejections rejections, PrintStream out) {
    if (o.alreadyCompleted()) {
      out.printf(Locale.ROOT, "replay already completed: all %,d events of this source are in the topics "
          + "(clock reached %s); nothing published%n", o.totalEvents(), Instant.ofEpochMilli(o.clock()));
    } else {
      if (o.resumedAt() > 0) {
        out.printf(Locale.ROOT, "resumed after %,d events committed by an earlier run%n", o.resumedAt());
      }
      out.printf(Locale.ROOT, "published %,d events in %.1f s (%,.0f events/s, %,d transactions, mean record %.0f "
          + "bytes); %s %,d events%n", o.published(), o.elapsedNanos() / 1e9,
          o.eventsPerSecond(), o.transactions(), o.meanRecordBytes(),
          o.stopped() ? "stopped on request (run it again to resume) after" : "replay complete with",
          o.totalEvents());
      for (BronzeStream s : BronzeStream.values()) {
        out.printf(Locale.ROOT, "  %-32s %,10d%n", topics.topic(s), o.publishedPerStream().getOrDefault(s, 0L));
      }
      out.printf(Locale.ROOT, "at most %,d derived events were pending at once (the orders in flight)%n",
          o.peakPendingEvents());
      if (o.lateEvents() > 0) {
        out.printf(Locale.ROOT, "%,d events published late: their source time lies before their order's purchase "
            + "by more than replay.reorder.window.seconds (anomalies of the data, kept as they are)%n",
            o.lateEvents());
      }
    }
    List<Rejection> rejected = rejections.all();
    out.printf(Locale.ROOT, "rejected source rows: %,d%n", rejected.size());
    rejected.forEach(r -> out.println("  " + r));
  }

  static void printCounts(Map<String, Long> counts, PrintStream out) {
    counts.forEach((topic, n) -> out.printf(Locale.ROOT, "  %-32s %,10d%n", topic, n));
  }
}
