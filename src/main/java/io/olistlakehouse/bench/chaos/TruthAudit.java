package io.olistlakehouse.bench.chaos;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.BronzeColumns;
import io.olistlakehouse.contracts.decode.DeadLetterReason;
import io.olistlakehouse.speed.LateEvent;
import io.olistlakehouse.speed.SpeedTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Every table of a chaos run against {@link SourceTruth} and the bad input sent beside it ({@link BadInput}).
 * Bronze: each stream holds each Kafka record once and as many records as were sent (more would be a replay that
 * published twice, fewer a loss); dead letters by reason; records sent = landed + dead-lettered. Speed: late events
 * by reason, one delivery row per order, and minute KPIs that add up to the source's orders and items. Batch: one
 * lead-days row per order, equal row for row to the speed layer's (the Lambda promise: both layers agree) but for
 * the late orders only the batch layer holds.
 */
final class TruthAudit {

  /**
   * One table's check.
   *
   * @param table the layer and table ({@code bronze.payment}), the run's scratch namespace left out   *
   * @param expected what the source says the table must hold (rows, or a total)
   * @param actual what it holds
   * @param lost expected items that are missing
   * @param duplicated items held more than once
   */
  record Check(String table, String what, long expected, long actual, long lost, long duplicated) {
    boolean passed() {
      return lost == 0 && duplicated == 0 && expected == actual;
    }
  }

  /** The tables of one run: the catalog, and the namespaces of bronze, speed and gold. */
  record Tables(String catalog, String bronze, String speed, String gold) {
    /** A full table name as the report shows it: its layer instead of the run's namespace. */
    String shown(String table) {
      return table.replace(catalog + "." + bronze + ".", "bronze.").replace(catalog + "." + speed + ".", "speed.")
          .replace(catalog + "." + gold + ".", "gold.");
    }

    String bronze(String table) {
      return catalog + "." + bronze + "." + table;
    }

    String speed(String table) {
      return catalog + "." + speed + "." + table;
    }

    String gold(String table) {
      return catalog + "." + gold + "." + table;
    }
  }

  private static final String LEAD_DAYS_COLUMNS = "order_id, status, purchase_to_approval_days, "
      + "approval_to_carrier_days, carrier_to_customer_days, carrier_delivery_delay_days, "
      + "customer_delivery_delay_days";

  private TruthAudit() {}

  static List<Check> run(SparkSession spark, Tables tables, SourceTruth truth, BadInput.Injected bad) {
    List<Check> checks = new ArrayList<>();
    long landed = 0;
    for (BronzeStream stream : BronzeStream.values()) {
      String table = tables.bronze(stream.streamName());
      Row r = spark.sql("SELECT count(*), count(DISTINCT " + BronzeColumns.KAFKA_TOPIC + ", "
          + BronzeColumns.KAFKA_PARTITION + ", " + BronzeColumns.KAFKA_OFFSET + ") FROM " + table).first();
      long rows = r.getLong(0);
      long records = r.getLong(1);
      long expected = truth.eventsPerStream().get(stream) + bad.landed(stream);
      landed += rows;
      checks.add(new Check(tables.shown(table), "events", expected, rows, Math.max(0, expected - records),
          (rows - records) + Math.max(0, records - expected)));
    }
    Map<String, Long> deadLetters = countsByReason(spark, tables.bronze("dead_letter"));
    long deadLettered = deadLetters.values().stream().mapToLong(Long::longValue).sum();
    checks.add(equal("bronze.dead_letter", "records", bad.deadLettered(), deadLettered));
    for (Map.Entry<DeadLetterReason, Long> reason : new TreeMap<>(bad.deadLetters()).entrySet()) {
      checks.add(equal("bronze.dead_letter", reason.getKey().name(), reason.getValue(),
          deadLetters.getOrDefault(reason.getKey().name(), 0L)));
    }
    checks.add(equal("bronze + dead_letter", "records sent", truth.events() + bad.records(),
        landed + deadLettered));

    // Speed's late events by reason: refused as late, undecodable (dead_letter:<REASON>), anything else.
    long evicted = 0;
    long speedDeadLetters = 0;
    long otherLate = 0;
    for (Map.Entry<String, Long> reason : countsByReason(spark, tables.speed(SpeedTables.LATE_EVENTS)).entrySet()) {
      if (reason.getKey().equals(LateEvent.ORDER_EVICTED)) {
        evicted += reason.getValue();
      } else if (reason.getKey().startsWith(LateEvent.DEAD_LETTER)) {
        speedDeadLetters += reason.getValue();
      } else {
        otherLate += reason.getValue();
      }
    }
    String lateShown = "speed." + SpeedTables.LATE_EVENTS;
    checks.add(equal(lateShown, LateEvent.ORDER_EVICTED, bad.lateEvents(), evicted));
    checks.add(equal(lateShown, "dead letters", bad.speedDeadLetters(), speedDeadLetters));
    checks.add(equal(lateShown, "other reasons", 0, otherLate));

    checks.add(perOrder(spark, tables, tables.speed(SpeedTables.ORDER_DELIVERY),
        truth.orders() + bad.extraSpeedOrders()));
    Row kpis = spark.sql("SELECT coalesce(sum(orders), 0), coalesce(sum(items), 0) FROM "
        + tables.speed(SpeedTables.KPI_MINUTE)).first();
    String kpiTable = "speed." + SpeedTables.KPI_MINUTE;
    checks.add(total(kpiTable, "sum(orders)", truth.orders() + bad.extraKpiOrders(), kpis.getLong(0)));
    checks.add(total(kpiTable, "sum(items)", truth.items() + bad.extraKpiItems(), kpis.getLong(1)));
    checks.add(perOrder(spark, tables, tables.gold("fact_order_lead_days"), truth.orders() + bad.extraGoldOrders()));

    // Gold holds the late orders the speed layer refused; otherwise the two layers agree row for row.
    String gold = "SELECT " + LEAD_DAYS_COLUMNS + " FROM " + tables.gold("fact_order_lead_days");
    String speed = "SELECT " + LEAD_DAYS_COLUMNS + " FROM " + tables.speed(SpeedTables.ORDER_DELIVERY);
    long onlyGold = count(spark, "SELECT count(*) FROM (" + gold + " EXCEPT ALL " + speed + ")");
    long onlySpeed = count(spark, "SELECT count(*) FROM (" + speed + " EXCEPT ALL " + gold + ")");
    checks.add(new Check("gold.fact_order_lead_days = speed." + SpeedTables.ORDER_DELIVERY, "rows that differ",
        bad.lateEvents(), onlyGold + onlySpeed, 0, 0));
    return checks;
  }

  private static Check perOrder(SparkSession spark, Tables tables, String table, long orders) {
    Row r = spark.sql("SELECT count(*), count(DISTINCT order_id) FROM " + table).first();
    long rows = r.getLong(0);
    long distinct = r.getLong(1);
    return new Check(tables.shown(table), "rows, one per order", orders, rows, Math.max(0, orders - distinct),
        rows - distinct);
  }

  private static Check total(String table, String what, long expected, long actual) {
    return new Check(table, what, expected, actual, Math.max(0, expected - actual), Math.max(0, actual - expected));
  }

  /** A count that must match, where a difference is a misplaced record rather than a lost or doubled one. */
  static Check equal(String table, String what, long expected, long actual) {
    return new Check(table, what, expected, actual, 0, 0);
  }

  /** Rows per value of a table's reason column, in one scan. */
  private static Map<String, Long> countsByReason(SparkSession spark, String table) {
    Map<String, Long> counts = new HashMap<>();
    for (Row r : spark.sql("SELECT reason, count(*) FROM " + table + " GROUP BY reason").collectAsList()) {
      counts.put(r.isNullAt(0) ? "" : r.getString(0), r.getLong(1));
    }
    return counts;
  }

  private static long count(SparkSession spark, String sql) {
    return spark.sql(sql).first().getLong(0);
  }
}
