package io.olistlakehouse.speed;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/** The tracker's input row layout and its conversion to {@link SpeedEvent}. */
public final class SpeedEventRows {

  public static final String ORDER_ID = "order_id";
  public static final String STREAM = "stream";
  public static final String STATUS = "status";
  public static final String EVENT_MS = "event_ms";
  public static final String SHIPPING_LIMIT_MS = "shipping_limit_ms";
  public static final String ESTIMATED_DELIVERY_MS = "estimated_delivery_ms";
  public static final String PRICE = "price";
  public static final String PAYMENT_TYPE = "payment_type";
  public static final String PAYMENT_VALUE = "payment_value";
  public static final String DEAD_LETTER_REASON = "dead_letter_reason";
  /** Records that could not be decoded have no order id; they are grouped under this key. */
  public static final String DEAD_LETTER_KEY = "";

  private SpeedEventRows() {}

  /** The state key of a row: its order id, or {@link #DEAD_LETTER_KEY}. */
  public static Column groupKey() {
    return coalesce(col(ORDER_ID), lit(DEAD_LETTER_KEY));
  }

  public static SpeedEvent event(Row row) {
    Long eventMs = row.getAs(EVENT_MS);
    return new SpeedEvent(row.getAs(ORDER_ID), row.getAs(STREAM), row.getAs(STATUS),
        eventMs == null ? 0L : eventMs, row.getAs(SHIPPING_LIMIT_MS), row.getAs(ESTIMATED_DELIVERY_MS),
        (BigDecimal) row.getAs(PRICE), row.getAs(PAYMENT_TYPE), (BigDecimal) row.getAs(PAYMENT_VALUE),
        row.getAs(DEAD_LETTER_REASON));
  }
}
