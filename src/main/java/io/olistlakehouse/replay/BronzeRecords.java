package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.source.model.Customer;
import io.olistlakehouse.source.model.Geolocation;
import io.olistlakehouse.source.model.OrderItem;
import io.olistlakehouse.source.model.Payment;
import io.olistlakehouse.source.model.Product;
import io.olistlakehouse.source.model.Review;
import io.olistlakehouse.source.model.Seller;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Builds the Avro record of an event from its bronze contract: money as exact decimals at the contract's scale,
 * timestamps as timestamp-millis of the LocalDateTime read at UTC.
 */
public final class BronzeRecords {

  private static final String EVENT_TIME = "event_time";
  private static final String INGEST_TIME = "ingest_time";
  private static final RecordLayout STATUS = RecordLayout.of(BronzeStream.ORDER_STATUS,
      "order_id", "customer_id", "status", EVENT_TIME, INGEST_TIME);
  private static final RecordLayout ESTIMATED = RecordLayout.of(BronzeStream.ESTIMATED_DELIVERY_DATE,
      "order_id", "estimated_delivery_at", EVENT_TIME, INGEST_TIME);
  private static final RecordLayout ITEM = RecordLayout.of(BronzeStream.ORDER_ITEM, "order_id", "order_item_id",
      "product_id", "seller_id", "shipping_limit_at", "price", "freight_value", EVENT_TIME, INGEST_TIME);
  private static final RecordLayout PAYMENT = RecordLayout.of(BronzeStream.PAYMENT, "order_id",
      "payment_sequential", "payment_type", "payment_installments", "payment_value", EVENT_TIME, INGEST_TIME);
  private static final RecordLayout REVIEW = RecordLayout.of(BronzeStream.REVIEW, "review_id", "order_id",
      "review_score", "comment_title", "comment_message", "creation_date", "answer_at", EVENT_TIME, INGEST_TIME);
  private static final RecordLayout PRODUCT = RecordLayout.of(BronzeStream.PRODUCT, "product_id", "category_name",
      "category_name_english", "name_length", "description_length", "photos_qty", "weight_g", "length_cm",
      "height_cm", "width_cm", EVENT_TIME, INGEST_TIME);
  private static final RecordLayout SELLER = RecordLayout.of(BronzeStream.SELLER, "seller_id", "zip_code_prefix",
      "city", "state", EVENT_TIME, INGEST_TIME);
  private static final RecordLayout CUSTOMER = RecordLayout.of(BronzeStream.CUSTOMER, "customer_id",
      "customer_unique_id", "zip_code_prefix", "city", "state", EVENT_TIME, INGEST_TIME);
  private static final RecordLayout GEOLOCATION = RecordLayout.of(BronzeStream.GEOLOCATION, "zip_code_prefix",
      "lat", "lng", "city", "state", EVENT_TIME, INGEST_TIME);

  private static final MoneyField PRICE = MoneyField.of(ITEM, "price");
  private static final MoneyField FREIGHT_VALUE = MoneyField.of(ITEM, "freight_value");
  private static final MoneyField PAYMENT_VALUE = MoneyField.of(PAYMENT, "payment_value");

  /** A decimal field's name, scale and precision, read from the contract once. */
  private record MoneyField(String name, int scale, int precision) {
    static MoneyField of(RecordLayout layout, String field) {
      Schema type = layout.schema().getField(field).schema();
      LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) type.getLogicalType();
      return new MoneyField(field, decimal.getScale(), decimal.getPrecision());
    }
  }

  private BronzeRecords() {}

  public static GenericRecord of(ReplayEvent event, long ingestTime) {
    long at = event.eventTime();
    return switch (event.stream()) {
      case ORDER_STATUS -> {
        StatusChange s = (StatusChange) event.payload();
        yield STATUS.record(s.orderId(), s.customerId(), s.status(), at, ingestTime);
      }
      case ESTIMATED_DELIVERY_DATE -> {
        EstimatedDelivery d = (EstimatedDelivery) event.payload();
        yield ESTIMATED.record(d.orderId(), millis(d.estimatedAt(), event, "estimated_delivery_at"), at,
            ingestTime);
      }
      case ORDER_ITEM -> {
        OrderItem i = (OrderItem) event.payload();
        yield ITEM.record(i.orderId(), i.orderItemId(), i.productId(), i.sellerId(),
            millis(i.shippingLimitAt(), event, "shipping_limit_at"), money(PRICE, i.price(), event),
            money(FREIGHT_VALUE, i.freightValue(), event), at, ingestTime);
      }
      case PAYMENT -> {
        Payment p = (Payment) event.payload();
        yield PAYMENT.record(p.orderId(), p.paymentSequential(), p.paymentType(), p.paymentInstallments(),
            money(PAYMENT_VALUE, p.paymentValue(), event), at, ingestTime);
      }
      case REVIEW -> {
        Review v = (Review) event.payload();
        yield REVIEW.record(v.reviewId(), v.orderId(), v.score(), v.commentTitle(), v.commentMessage(),
            millis(v.creationDate(), event, "creation_date"),
            v.answerAt() == null ? null : OrderEventDeriver.millis(v.answerAt()), at, ingestTime);
      }
      case PRODUCT -> {
        Product p = (Product) event.payload();
        yield PRODUCT.record(p.productId(), p.categoryName(), p.categoryNameEnglish(), p.nameLength(),
            p.descriptionLength(), p.photosQty(), p.weightG(), p.lengthCm(), p.heightCm(), p.widthCm(), at,
            ingestTime);
      }
      case SELLER -> {
        Seller s = (Seller) event.payload();
        yield SELLER.record(s.sellerId(), s.zipCodePrefix(), s.city(), s.state(), at, ingestTime);
      }
      case CUSTOMER -> {
        Customer c = (Customer) event.payload();
        yield CUSTOMER.record(c.customerId(), c.customerUniqueId(), c.zipCodePrefix(), c.city(), c.state(), at,
            ingestTime);
      }
      case GEOLOCATION -> {
        Geolocation g = (Geolocation) event.payload();
        yield GEOLOCATION.record(g.zipCodePrefix(), g.lat(), g.lng(), g.city(), g.state(), at, ingestTime);
      }
    };
  }

  private static long millis(LocalDateTime t, ReplayEvent event, String field) {
    if (t == null) {
      throw invalid(event, field + " is missing");
    }
    return OrderEventDeriver.millis(t);
  }

  /** Exact: a value with more digits than the contract's scale, or too many overall, is an error, never rounded. */
  private static BigDecimal money(MoneyField field, BigDecimal value, ReplayEvent event) {
    if (value == null) {
      throw invalid(event, field.name() + " is missing");
    }
    BigDecimal scaled;
    try {
      scaled = value.setScale(field.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw invalid(event, field.name() + " " + value.toPlainString() + " has more than " + field.scale()
          + " decimals");
    }
    if (scaled.precision() > field.precision()) {
      throw invalid(event, field.name() + " " + value.toPlainString() + " exceeds " + field.precision()
          + " digits");
    }
    return scaled;
  }

  private static IllegalArgumentException invalid(ReplayEvent event, String problem) {
    return new IllegalArgumentException(event.stream().streamName() + " event for " + event.key() + ": " + problem);
  }
}
