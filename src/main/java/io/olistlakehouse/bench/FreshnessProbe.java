package io.olistlakehouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Watches speed.order_delivery for the sampled orders and records, for each, the time from producing its purchase
 * event to the first fresh read that shows its row. Each poll loads the table from the catalog (which caches
 * nothing); when a new snapshot is current, the sampled ids are looked up with Iceberg's own reader, deletes
 * applied. A row becomes visible only with a commit, so reading once per new snapshot misses nothing, and the probe
 * stays off the CPU the measured job needs (a Spark query per poll cost a fifth of the machine).
 */
final class FreshnessProbe implements Runnable {

  private static final String ORDER_ID = "order_id";

  private final Catalog catalog;
  private final TableIdentifier table;
  private final long pollMillis;
  private final Map<String, Long> pending = new ConcurrentHashMap<>();
  private final List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean stopped;
  private long lastSnapshotId = -1;

  FreshnessProbe(Catalog catalog, TableIdentifier table, long pollMillis) {
    this.catalog = catalog;
    this.table = table;
    this.pollMillis = pollMillis;
  }

  void sample(String orderId, long producedNanos) {
    pending.put(orderId, producedNanos);
  }

  int pending() {
    return pending.size();
  }

  List<Long> latenciesMs() {
    return List.copyOf(latenciesMs);
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    while (!stopped) {
      if (!pending.isEmpty()) {
        readIfNewSnapshot();
      }
      try {
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void readIfNewSnapshot() {
    Table current = catalog.loadTable(table);
    Snapshot snapshot = current.currentSnapshot();
    if (snapshot == null || snapshot.snapshotId() == lastSnapshotId) {
      return;
    }
    lastSnapshotId = snapshot.snapshotId();
    List<Object> ids = new ArrayList<>(pending.keySet());
    List<String> seen = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(current).useSnapshot(lastSnapshotId)
        .select(ORDER_ID).where(Expressions.in(ORDER_ID, ids)).build()) {
      rows.forEach(r -> seen.add((String) r.getField(ORDER_ID)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + table, e);
    }
    long now = System.nanoTime();
    for (String id : seen) {
      Long produced = pending.remove(id);
      if (produced != null) {
        latenciesMs.add(TimeUnit.NANOSECONDS.toMillis(now - produced));
      }
    }
  }
}
