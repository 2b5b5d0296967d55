package io.olistlakehouse.speed;

import static org.apache.spark.sql.functions.col;

import io.olistlakehouse.bronze.BatchMarker;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The foreachBatch body: the tracker's output of one micro-batch goes to its three tables, each at most once per
 * batch (checked by the batch marker): order rows upserted by order_id, KPI contributions summed per window and
 * added to the window's row, late events appended. Every n-th batch then runs the tables' maintenance.
 */
public final class SpeedBatchWriter implements VoidFunction2<Dataset<Row>, Long> {

  private final SpeedTables tables;
  private final ReentrantLock batchLock;
  private final Consumer<SpeedBatchReport> reports;
  private final SpeedMaintenance maintenance;

  public SpeedBatchWriter(SpeedTables tables, SpeedMaintenance maintenance, ReentrantLock batchLock,
      Consumer<SpeedBatchReport> reports) {
    this.tables = tables;
    this.maintenance = maintenance;
    this.batchLock = batchLock;
    this.reports = reports;
  }

  @Override
  public void call(Dataset<Row> output, Long batchId) throws Exception {
    batchLock.lockInterruptibly();
    try {
      reports.accept(write(output, BatchMarker.ofBatch(output, batchId)));
    } finally {
      batchLock.unlock();
    }
  }

  SpeedBatchReport write(Dataset<Row> output, BatchMarker marker) throws Exception {
    long start = System.nanoTime();
    Dataset<Row> rows = output.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Long> counts = new HashMap<>();
      rows.groupBy("kind").count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
      long orders = counts.getOrDefault(SpeedOutput.ORDER, 0L);
      long kpis = counts.getOrDefault(SpeedOutput.KPI, 0L);
      long late = counts.getOrDefault(SpeedOutput.LATE, 0L);
      long stateDone = System.nanoTime();
      boolean replayed = false;
      if (orders > 0) {
        rows.where(col("kind").equalTo(SpeedOutput.ORDER)).selectExpr(SpeedOutput.ORDER_COLUMNS)
            .createOrReplaceTempView("speed_order_rows");
        replayed |= !tables.commitOnce(SpeedTables.ORDER_DELIVERY, marker, () -> sql(rows, mergeOrders()));
      }
      if (kpis > 0) {
        rows.where(col("kind").equalTo(SpeedOutput.KPI)).createOrReplaceTempView("speed_kpi_rows");
        sql(rows, windowSums()).createOrReplaceTempView("speed_kpi_windows");
        replayed |= !tables.commitOnce(SpeedTables.KPI_MINUTE, marker, () -> sql(rows, mergeKpis()));
      }
      if (late > 0) {
        rows.where(col("kind").equalTo(SpeedOutput.LATE)).createOrReplaceTempView("speed_late_rows");
        replayed |= !tables.commitOnce(SpeedTables.LATE_EVENTS, marker, () -> sql(rows, "INSERT INTO "
            + tables.name(SpeedTables.LATE_EVENTS) + " SELECT order_id, stream, event_status, event_time, target, "
            + "reason, watermark FROM speed_late_rows"));
      }
      long writesDone = System.nanoTime();
      SpeedMaintenance.Report maintained = maintenance.due(marker.batchId())
          ? maintenance.run(rows.sparkSession()) : null;
      return new SpeedBatchReport(marker.batchId(), orders, kpis, late, replayed,
          Duration.ofNanos(stateDone - start), Duration.ofNanos(writesDone - stateDone), maintained);
    } finally {
      rows.unpersist();
    }
  }

  /** Temporary views live in the batch's own (cloned) session, so statements run there. */
  private static Dataset<Row> sql(Dataset<Row> batch, String statement) {
    return batch.sparkSession().sql(statement);
  }

  private String mergeOrders() {
    return "MERGE INTO " + tables.name(SpeedTables.ORDER_DELIVERY) + " t USING speed_order_rows s "
        + "ON t.order_id = s.order_id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *";
  }

  /** One row per window touched by the batch; payments per type from the fixed list, the rest as other. */
  static String windowSums() {
    String types = KpiWindows.PAYMENT_TYPES.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "));
    String perType = KpiWindows.PAYMENT_TYPES.stream()
        .map(t -> "CAST(count_if(payment_type = '" + t + "') AS BIGINT) AS payments_" + t)
        .collect(Collectors.joining(", "));
    return "SELECT window_start, max(window_end) AS window_end, CAST(sum(orders) AS BIGINT) AS orders, "
        + "CAST(sum(items) AS BIGINT) AS items, CAST(coalesce(sum(revenue), 0) AS DECIMAL(18,2)) AS revenue, "
        + "CAST(count(payment_type) AS BIGINT) AS payments, "
        + "CAST(coalesce(sum(payment_value), 0) AS DECIMAL(18,2)) AS payment_value, " + perType + ", "
        + "CAST(count_if(payment_type IS NOT NULL AND payment_type NOT IN (" + types + ")) AS BIGINT) "
        + "AS payments_other, CAST(sum(deliveries) AS BIGINT) AS deliveries, "
        + "CAST(sum(late_deliveries) AS BIGINT) AS late_deliveries FROM speed_kpi_rows GROUP BY window_start";
  }

  /** Open windows are corrected by adding the batch's sums: safe because a batch reaches the table only once. */
  private String mergeKpis() {
    List<String> additive = List.of("orders", "items", "revenue", "payments", "payment_value",
        "payments_credit_card", "payments_boleto", "payments_voucher", "payments_debit_card", "payments_other",
        "deliveries", "late_deliveries");
    String set = additive.stream().map(c -> "t." + c + " = t." + c + " + s." + c)
        .collect(Collectors.joining(", "));
    return "MERGE INTO " + tables.name(SpeedTables.KPI_MINUTE) + " t USING speed_kpi_windows s "
        + "ON t.window_start = s.window_start WHEN MATCHED THEN UPDATE SET " + set
        + " WHEN NOT MATCHED THEN INSERT *";
  }
}
