package io.olistlakehouse.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The current totals of the KPI windows that can still change, so that adding a batch's sums to kpi_minute needs no
 * read of the table. A window changes only while it is open (see {@link KpiWindows#closed}); this job is the table's
 * only writer. So the windows still open are read from the table once, before the first batch this writer adds to
 * it (they are what earlier runs left), and from then on every window is known: the ones this writer wrote, and no
 * others. Windows leave once the watermark closes them.
 */
final class OpenKpiWindows {

  /** What one batch adds: the rows to write, and the windows among them that already have a row to replace. */
  record Upsert(List<KpiWindowRow> rows, List<Long> replacedStarts) {}

  private final KpiWindows windows;
  private final Map<Long, KpiWindowRow> open = new HashMap<>();
  private boolean loaded;

  OpenKpiWindows(KpiWindows windows) {
    this.windows = windows;
  }

  /** Reads the windows still open at {@code watermark} from the table, the first time only. */
  void loadOnce(Table table, long watermark) {
    if (loaded) {
      return;
    }
    long firstOpenStart = watermark - windows.allowedLatenessMs() - windows.windowMs();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table)
        .where(Expressions.greaterThanOrEqual("window_start", firstOpenStart * 1000)).build()) {
      for (Record r : rows) {
        KpiWindowRow w = KpiWindowRow.fromRecord(r);
        if (!windows.closed(w.windowStart(), watermark)) {
          open.put(w.windowStart(), w);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the open windows of " + table.name(), e);
    }
    loaded = true;
  }

  /** The new totals of the windows a batch touched: its sums plus what each window held. */
  Upsert add(Map<Long, KpiWindowRow> batchSums) {
    List<KpiWindowRow> rows = new ArrayList<>(batchSums.size());
    List<Long> replaced = new ArrayList<>();
    batchSums.forEach((start, sums) -> {
      KpiWindowRow before = open.get(start);
      if (before == null) {
        rows.add(sums);
      } else {
        rows.add(sums.plus(before));
        replaced.add(start);
      }
    });
    return new Upsert(rows, replaced);
  }

  /** After the batch's commit: its totals are the windows' rows now; windows closed at the watermark leave. */
  void committed(Upsert upsert, long watermark) {
    upsert.rows().forEach(w -> open.put(w.windowStart(), w));
    open.keySet().removeIf(start -> windows.closed(start, watermark));
  }

  /** After a failure the table's state is unknown: read it again before the next write. */
  void forget() {
    open.clear();
    loaded = false;
  }

  int size() {
    return open.size();
  }
}
