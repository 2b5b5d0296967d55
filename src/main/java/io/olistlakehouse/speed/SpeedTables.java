package io.olistlakehouse.speed;

import io.olistlakehouse.delivery.OrderDeliveryTable;
import io.olistlakehouse.streaming.CommittedMicroBatches;
import io.olistlakehouse.streaming.MicroBatchMarker;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;

/**
 * The speed layer's three tables: created when absent (never dropped), and the one way to commit to them: at most
 * once per micro-batch, each commit carrying the batch's marker in its snapshot summary.
 */
public final class SpeedTables {

  public static final String ORDER_DELIVERY = "order_delivery";
  public static final String KPI_MINUTE = "kpi_minute";
  public static final String LATE_EVENTS = "late_events";

  /** The upserted tables and the column each is upserted by (one current row per key). */
  public static final Map<String, String> UPSERT_KEYS = Map.of(ORDER_DELIVERY, "order_id", KPI_MINUTE,
      "window_start");

  /** Row-level changes write delete files instead of rewriting data files (an ad-hoc MERGE or DELETE too). */
  private static final String PROPERTIES = "TBLPROPERTIES ('format-version'='2', "
      + "'write.merge.mode'='merge-on-read', 'write.update.mode'='merge-on-read', "
      + "'write.delete.mode'='merge-on-read', 'write.metadata.delete-after-commit.enabled'='true', "
      + "'write.metadata.previous-versions-max'='100')";

  private final SparkSession spark;
  private final SpeedSettings settings;

  public SpeedTables(SparkSession spark, SpeedSettings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  public SparkSession spark() {
    return spark;
  }

  public String name(String table) {
    return settings.stream().qualifiedNamespace() + "." + table;
  }

  public void ensureAll() {
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + settings.stream().qualifiedNamespace());
    spark.sql("CREATE TABLE IF NOT EXISTS " + name(ORDER_DELIVERY) + " (" + OrderDeliveryTable.COLUMNS_DDL
        + ") USING iceberg " + PROPERTIES);
    spark.sql("CREATE TABLE IF NOT EXISTS " + name(KPI_MINUTE) + " (window_start TIMESTAMP NOT NULL, "
        + "window_end TIMESTAMP, orders BIGINT, items BIGINT, revenue DECIMAL(18,2), payments BIGINT, "
        + "payment_value DECIMAL(18,2), payments_credit_card BIGINT, payments_boleto BIGINT, "
        + "payments_voucher BIGINT, payments_debit_card BIGINT, payments_other BIGINT, deliveries BIGINT, "
        + "late_deliveries BIGINT) USING iceberg " + PROPERTIES);
    spark.sql("CREATE TABLE IF NOT EXISTS " + name(LATE_EVENTS) + " (order_id STRING, stream STRING, "
        + "event_status STRING, event_time TIMESTAMP, target STRING, reason STRING, watermark TIMESTAMP) "
        + "USING iceberg " + PROPERTIES);
  }

  /**
   * Runs {@code write} (which commits to {@code table} through Iceberg's API, with the marker) unless this batch
   * already reached the table: foreachBatch is at-least-once, and a replayed batch must change nothing.
   *
   * @return whether it wrote
   */
  public boolean commitOnce(String table, MicroBatchMarker marker, Consumer<Table> write) throws Exception {
    Table iceberg = Spark3Util.loadIcebergTable(spark, name(table));
    if (CommittedMicroBatches.find(iceberg, marker).isPresent()) {
      return false;
    }
    write.accept(iceberg);
    return true;
  }
}
