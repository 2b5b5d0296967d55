package io.olistlakehouse.speed;

import io.olistlakehouse.streaming.MicroBatchMarker;
import io.olistlakehouse.streaming.MicroBatchSink;
import io.olistlakehouse.streaming.TableCommits;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes the tracker's output of one micro-batch (at most speed.max.offsets.per.trigger events, so it fits the
 * driver): collected in one Spark job, it goes to the three tables from the driver, side by side, each at most once
 * per micro-batch (checked by its marker): order rows upserted by order_id, KPI contributions summed per window and
 * added to the window's row, late events appended. Every n-th micro-batch then runs (or starts) the tables'
 * maintenance.
 */
public final class SpeedSink implements MicroBatchSink<SpeedMicroBatchReport> {

  private static final int KIND = SpeedOutput.SCHEMA.fieldIndex("kind");
  private static final int ORDER_ID = SpeedOutput.SCHEMA.fieldIndex("order_id");
  private static final int WINDOW_START = SpeedOutput.SCHEMA.fieldIndex("window_start");
  private static final int WINDOW_END = SpeedOutput.SCHEMA.fieldIndex("window_end");
  private static final int WATERMARK = SpeedOutput.SCHEMA.fieldIndex("watermark");

  private final SpeedTables tables;
  private final MaintenanceSchedule maintenance;
  private final OpenKpiWindows openWindows;
  private final long openRetentionMillis;

  SpeedSink(SpeedTables tables, MaintenanceSchedule maintenance, KpiWindows windows, Duration openOrderRetention) {
    this.tables = tables;
    this.maintenance = maintenance;
    this.openWindows = new OpenKpiWindows(windows);
    this.openRetentionMillis = openOrderRetention.toMillis();
  }

  @Override
  public void prepare() {
    tables.ensureAll();
  }

  /** The KPI windows kept open across micro-batches may not match the table any more: reload them. */
  @Override
  public void abandoned() {
    openWindows.forget();
  }

  @Override
  public SpeedMicroBatchReport write(Dataset<Row> output, MicroBatchMarker marker) throws Exception {
    long start = System.nanoTime();
    MicroBatchRows batch = MicroBatchRows.of(output.collectAsList());
    long stateDone = System.nanoTime();
    Map<String, Callable<Boolean>> commits = new LinkedHashMap<>();
    if (!batch.orders.isEmpty()) {
      commits.put(SpeedTables.ORDER_DELIVERY, () -> tables.commitOnce(SpeedTables.ORDER_DELIVERY, marker,
          table -> upsertOrders(table, batch, marker)));
    }
    if (!batch.kpiSums.isEmpty()) {
      commits.put(SpeedTables.KPI_MINUTE, () -> tables.commitOnce(SpeedTables.KPI_MINUTE, marker,
          table -> addKpis(table, batch, marker)));
    }
    if (!batch.late.isEmpty()) {
      commits.put(SpeedTables.LATE_EVENTS, () -> tables.commitOnce(SpeedTables.LATE_EVENTS, marker,
          table -> DriverCommit.append(table, records(table, batch.late), marker)));
    }
    boolean replayed = TableCommits.runAll(commits.size(), commits).containsValue(false);
    long writesDone = System.nanoTime();
    SpeedMaintenance.Report maintained = maintenance.afterBatch(marker.batchId());
    return new SpeedMicroBatchReport(marker.batchId(), batch.orders.size(), batch.kpiContributions, batch.late.size(),
        replayed, Duration.ofNanos(stateDone - start), Duration.ofNanos(writesDone - stateDone), maintained);
  }

  private void upsertOrders(Table table, MicroBatchRows batch, MicroBatchMarker marker) {
    List<Record> rows = EvictedOrderRows.completed(table, records(table, batch.orders.values()), batch.watermark,
        openRetentionMillis);
    DriverCommit.upsert(table, SpeedTables.UPSERT_KEYS.get(SpeedTables.ORDER_DELIVERY), rows,
        new ArrayList<>(batch.orders.keySet()), marker);
  }

  private void addKpis(Table table, MicroBatchRows batch, MicroBatchMarker marker) {
    openWindows.loadOnce(table, batch.watermark);
    OpenKpiWindows.Upsert upsert = openWindows.add(batch.kpiSums);
    List<Record> rows = upsert.rows().stream().map(w -> w.toRecord(table.schema())).toList();
    List<Object> replaced = upsert.replacedStarts().stream()
        .<Object>map(SpeedRecords::timestamptz).toList();
    DriverCommit.upsert(table, SpeedTables.UPSERT_KEYS.get(SpeedTables.KPI_MINUTE), rows, replaced, marker);
    openWindows.committed(upsert, batch.watermark);
  }

  private static List<Record> records(Table table, Iterable<Row> rows) {
    SpeedRecords convert = new SpeedRecords(table.schema());
    List<Record> records = new ArrayList<>();
    rows.forEach(r -> records.add(convert.toRecord(r)));
    return records;
  }

  /** A batch's output split by kind: order rows by order_id, KPI contributions summed per window, late rows. */
  private static final class MicroBatchRows {
    final Map<String, Row> orders = new LinkedHashMap<>();
    final Map<Long, KpiWindowRow> kpiSums = new LinkedHashMap<>();
    final List<Row> late = new ArrayList<>();
    long kpiContributions;
    long watermark;

    static MicroBatchRows of(List<Row> output) {
      MicroBatchRows batch = new MicroBatchRows();
      for (Row row : output) {
        batch.watermark = Math.max(batch.watermark, ((Timestamp) row.get(WATERMARK)).getTime());
        switch (row.getString(KIND)) {
          case SpeedOutput.ORDER -> {
            if (batch.orders.put(row.getString(ORDER_ID), row) != null) {
              // Spark calls the tracker once per order and batch; two rows would be two current rows.
              throw new IllegalStateException("two rows for order " + row.getString(ORDER_ID) + " in one batch");
            }
          }
          case SpeedOutput.KPI -> {
            batch.kpiContributions++;
            long start = ((Timestamp) row.get(WINDOW_START)).getTime();
            long end = ((Timestamp) row.get(WINDOW_END)).getTime();
            batch.kpiSums.computeIfAbsent(start, s -> new KpiWindowRow(s, end)).add(row);
          }
          case SpeedOutput.LATE -> batch.late.add(row);
          default -> throw new IllegalStateException("unknown output kind " + row.getString(KIND));
        }
      }
      return batch;
    }
  }
}
