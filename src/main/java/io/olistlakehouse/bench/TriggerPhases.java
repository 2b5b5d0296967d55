package io.olistlakehouse.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * Where a streaming query's triggers spend their time, from Spark's own progress reports ({@code durationMs}:
 * latestOffset, walCommit, addBatch, commitOffsets, triggerExecution and the rest), kept for the triggers that
 * started after the warm-up and summarised as medians and 95th percentiles. The part of a trigger outside
 * addBatch is Spark's per-batch bookkeeping, which no sink change can remove.
 */
final class TriggerPhases extends StreamingQueryListener {

  private final long fromEpochMillis;
  private final Map<String, List<Long>> phases = Collections.synchronizedMap(new TreeMap<>());

  TriggerPhases(long fromEpochMillis) {
    this.fromEpochMillis = fromEpochMillis;
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    if (java.time.Instant.parse(event.progress().timestamp()).toEpochMilli() < fromEpochMillis) {
      return;
    }
    event.progress().durationMs().forEach((phase, ms) ->
        phases.computeIfAbsent(phase, p -> Collections.synchronizedList(new ArrayList<>())).add(ms));
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {}

  /** For example {@code addBatch p50 1210 / p95 1890 ms, ...}; empty when no trigger was reported. */
  String summary() {
    List<String> parts = new ArrayList<>();
    synchronized (phases) {
      phases.forEach((phase, values) -> {
        Percentiles p = new Percentiles(List.copyOf(values));
        parts.add(String.format(Locale.ROOT, "%s p50 %d / p95 %d ms", phase, p.at(50), p.at(95)));
      });
    }
    return String.join(", ", parts);
  }
}
