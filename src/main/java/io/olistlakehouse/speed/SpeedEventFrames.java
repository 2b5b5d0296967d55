package io.olistlakehouse.speed;

import static org.apache.spark.sql.avro.functions.from_avro;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.BronzeColumns;
import io.olistlakehouse.contracts.decode.DecodePartition;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;

/**
 * Kafka rows of the four order-scoped topics to one row per event (see {@link SpeedEventRows} for the columns),
 * decoded with bronze's decoder so both layers read the wire format the same way. Records bronze would dead-letter
 * become rows with their reason, never disappear.
 */
public final class SpeedEventFrames {

  /** The streams the speed layer reads. */
  public static final List<BronzeStream> STREAMS = List.of(BronzeStream.ORDER_STATUS, BronzeStream.ORDER_ITEM,
      BronzeStream.ESTIMATED_DELIVERY_DATE, BronzeStream.PAYMENT);
  /** The watermark column (event time as a timestamp); it is dropped before grouping, see {@link #events}. */
  public static final String EVENT_TIME = "event_time";

  /** See {@link #forTracker}. */
  public static final String WATERMARK_GUARD = "watermark_guard";
  private static final Timestamp END_OF_TIME = Timestamp.valueOf("9999-12-31 00:00:00");
  private static final Map<String, String> FAIL_FAST = Map.of("mode", "FAILFAST");

  private SpeedEventFrames() {}

  public static List<String> topics(SpeedSettings settings) {
    return STREAMS.stream().map(s -> settings.topics().topic(s)).toList();
  }

  /** Decoded events with the event-time watermark applied (column {@link #EVENT_TIME}). */
  public static Dataset<Row> watermarked(Dataset<Row> kafka, SpeedSettings settings) {
    Dataset<Row> decoded = DecodePartition.decoded(kafka, settings.stream().registryUrl(), settings.topics());
    Column os = contract(BronzeStream.ORDER_STATUS);
    Column oi = contract(BronzeStream.ORDER_ITEM);
    Column ed = contract(BronzeStream.ESTIMATED_DELIVERY_DATE);
    Column pa = contract(BronzeStream.PAYMENT);
    Dataset<Row> events = decoded.select(os.as("os"), oi.as("oi"), ed.as("ed"), pa.as("pa"),
        coalesce(col(BronzeColumns.STREAM), col(BronzeColumns.KAFKA_TOPIC)).as("stream"),
        col(BronzeColumns.REASON).as("reason"))
        .select(
            coalesce(col("os.order_id"), col("oi.order_id"), col("ed.order_id"), col("pa.order_id"))
                .as(SpeedEventRows.ORDER_ID),
            col("stream").as(SpeedEventRows.STREAM),
            col("os.status").as(SpeedEventRows.STATUS),
            coalesce(col("os.event_time"), col("oi.event_time"), col("ed.event_time"), col("pa.event_time"))
                .as(EVENT_TIME),
            col("oi.shipping_limit_at").as("shipping_limit_at"),
            col("ed.estimated_delivery_at").as("estimated_delivery_at"),
            col("oi.price").as(SpeedEventRows.PRICE),
            col("pa.payment_type").as(SpeedEventRows.PAYMENT_TYPE),
            col("pa.payment_value").as(SpeedEventRows.PAYMENT_VALUE),
            col("reason").as(SpeedEventRows.DEAD_LETTER_REASON));
    return events.withWatermark(EVENT_TIME, settings.watermarkDelay().toSeconds() + " seconds");
  }

  /**
   * The rows the order tracker gets: times as epoch milliseconds, without the watermark column. Spark's
   * flatMapGroupsWithState with event-time timeouts silently drops input rows whose watermark column is behind the
   * watermark, and requires such a column; so the column it sees ({@link #WATERMARK_GUARD}) is a constant at the end
   * of time, tagged as the watermark column. Every event reaches the tracker, which keeps late ones with their
   * reason; the query's clock still comes from {@link #EVENT_TIME}.
   */
  public static Dataset<Row> forTracker(Dataset<Row> watermarked) {
    Metadata tag = new MetadataBuilder()
        .withMetadata(watermarked.schema().apply(EVENT_TIME).metadata()).build();
    return watermarked.select(
        lit(END_OF_TIME).as(WATERMARK_GUARD, tag),
        col(SpeedEventRows.ORDER_ID), col(SpeedEventRows.STREAM), col(SpeedEventRows.STATUS),
        expr("unix_millis(" + EVENT_TIME + ")").as(SpeedEventRows.EVENT_MS),
        expr("unix_millis(shipping_limit_at)").as(SpeedEventRows.SHIPPING_LIMIT_MS),
        expr("unix_millis(estimated_delivery_at)").as(SpeedEventRows.ESTIMATED_DELIVERY_MS),
        col(SpeedEventRows.PRICE), col(SpeedEventRows.PAYMENT_TYPE), col(SpeedEventRows.PAYMENT_VALUE),
        col(SpeedEventRows.DEAD_LETTER_REASON));
  }

  /** The contract record of a stream's rows, null on other rows (from_avro of null is null). */
  private static Column contract(BronzeStream stream) {
    Column mine = col(BronzeColumns.STREAM).equalTo(lit(stream.streamName()))
        .and(col(BronzeColumns.REASON).isNull());
    return from_avro(when(mine, col(BronzeColumns.CONTRACT_AVRO)), BronzeContracts.schema(stream).toString(),
        FAIL_FAST);
  }
}
