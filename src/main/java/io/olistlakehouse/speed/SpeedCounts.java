package io.olistlakehouse.speed;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Headline counts of speed.order_delivery for operators and the demo, from a fresh read. */
public record SpeedCounts(long orders, long delivered, long late, long overdue, long canceled, long unavailable,
    long lateEvents) {

  public static SpeedCounts read(SparkSession spark, SpeedTables tables) {
    Row r = spark.sql("SELECT count(*), count_if(status = 'delivered'), count_if(customer_delivery_delay_days > 0), "
        + "count_if(overdue), count_if(status = 'canceled'), count_if(status = 'unavailable') FROM "
        + tables.name(SpeedTables.ORDER_DELIVERY)).first();
    long late = spark.table(tables.name(SpeedTables.LATE_EVENTS)).count();
    return new SpeedCounts(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), late);
  }

  @Override
  public String toString() {
    return String.format("%d orders: %d delivered (%d late), %d overdue, %d canceled, %d unavailable; "
        + "%d late events kept", orders, delivered, late, overdue, canceled, unavailable, lateEvents);
  }
}
