package io.olistlakehouse.bench;

import io.olistlakehouse.streaming.TableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Watches speed.order_delivery for the sampled orders and records, for each, the time from producing its purchase
 * event to the first fresh read that shows its row. Each poll loads the table from the catalog (which caches
 * nothing); when a new snapshot is current, the data files added by the snapshots since the last poll are read
 * with Iceberg's own file readers. A row becomes visible only with the commit that adds its file, so this misses
 * nothing, and the probe stays off the CPU the measured job needs (a Spark query per poll cost a fifth of the
 * machine; a read of the whole table per one-second batch grows with the table).
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
    List<Snapshot> fresh = new ArrayList<>();
    for (Snapshot s : SnapshotUtil.ancestorsOf(snapshot.snapshotId(), current::snapshot)) {
      if (s.snapshotId() == lastSnapshotId) {
        break;
      }
      fresh.add(s);
    }
    lastSnapshotId = snapshot.snapshotId();
    Set<String> seen = new HashSet<>();
    for (Snapshot s : fresh) {
      if (DataOperations.REPLACE.equals(s.operation())) {
        continue; // a compaction: the same rows in other files
      }
      for (DataFile file : s.addedDataFiles(current.io())) {
        readOrderIds(current, file, seen);
      }
    }
    long now = System.nanoTime();
    for (String id : seen) {
      Long produced = pending.remove(id);
      if (produced != null) {
        latenciesMs.add(TimeUnit.NANOSECONDS.toMillis(now - produced));
      }
    }
  }

  /**
   * The order ids of one data file a new snapshot added. A row becomes visible with the commit that adds its file,
   * so reading the added files of each new snapshot sees every sampled order the first time a reader could, and
   * costs the size of a batch rather than of the table.
   */
  private static void readOrderIds(Table current, DataFile file, Set<String> into) {
    try (CloseableIterable<Record> rows = TableFiles.rows(current, file, current.schema().select(ORDER_ID))) {
      rows.forEach(r -> into.add((String) r.getField(ORDER_ID)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.location(), e);
    }
  }
}
