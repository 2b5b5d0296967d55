package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeContracts;
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
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Builds the Avro record of an event from its bronze contract: money as exact decimals at the contract's scale,
 * timestamps as timestamp-millis of the LocalDateTime read at UTC.
 */
public final class BronzeRecords {

  private BronzeRecords() {}

  public static GenericRecord of(ReplayEvent event, long ingestTime) {
    Schema schema = BronzeContracts.schema(event.stream());
    GenericData.Record r = new GenericData.Record(schema);
    switch (event.stream()) {
      case ORDER_STATUS -> {
        StatusChange s = (StatusChange) event.payload();
        r.put("order_id", s.orderId());
        r.put("customer_id", s.customerId());
        r.put("status", s.status());
      }
      case ESTIMATED_DELIVERY_DATE -> {
        EstimatedDelivery d = (EstimatedDelivery) event.payload();
        r.put("order_id", d.orderId());
        r.put("estimated_delivery_at", millis(d.estimatedAt(), event, "estimated_delivery_at"));
      }
      case ORDER_ITEM -> {
        OrderItem i = (OrderItem) event.payload();
        r.put("order_id", i.orderId());
        r.put("order_item_id", i.orderItemId());
        r.put("product_id", i.productId());
        r.put("seller_id", i.sellerId());
        r.put("shipping_limit_at", millis(i.shippingLimitAt(), event, "shipping_limit_at"));
        r.put("price", money(schema, "price", i.price(), event));
        r.put("freight_value", money(schema, "freight_value", i.freightValue(), event));
      }
      case PAYMENT -> {
        Payment p = (Payment) event.payload();
        r.put("order_id", p.orderId());
        r.put("payment_sequential", p.paymentSequential());
        r.put("payment_type", p.paymentType());
        r.put("payment_installments", p.paymentInstallments());
        r.put("payment_value", money(schema, "payment_value", p.paymentValue(), event));
      }
      case REVIEW -> review(r, (Review) event.payload(), event);
      case PRODUCT -> product(r, (Product) event.payload());
      case SELLER -> {
        Seller s = (Seller) event.payload();
        r.put("seller_id", s.sellerId());
        r.put("zip_code_prefix", s.zipCodePrefix());
        r.put("city", s.city());
        r.put("state", s.state());
      }
      case CUSTOMER -> {
        Customer c = (Customer) event.payload();
        r.put("customer_id", c.customerId());
        r.put("customer_unique_id", c.customerUniqueId());
        r.put("zip_code_prefix", c.zipCodePrefix());
        r.put("city", c.city());
        r.put("state", c.state());
      }
      case GEOLOCATION -> {
        Geolocation g = (Geolocation) event.payload();
        r.put("zip_code_prefix", g.zipCodePrefix());
        r.put("lat", g.lat());
        r.put("lng", g.lng());
        r.put("city", g.city());
        r.put("state", g.state());
      }
      default -> throw new IllegalStateException("no record builder for stream " + event.stream());
    }
    r.put("event_time", event.eventTime());
    r.put("ingest_time", ingestTime);
    return r;
  }

  private static void review(GenericData.Record r, Review v, ReplayEvent event) {
    r.put("review_id", v.reviewId());
    r.put("order_id", v.orderId());
    r.put("review_score", v.score());
    r.put("comment_title", v.commentTitle());
    r.put("comment_message", v.commentMessage());
    r.put("creation_date", millis(v.creationDate(), event, "creation_date"));
    r.put("answer_at", v.answerAt() == null ? null : OrderEventDeriver.millis(v.answerAt()));
  }

  private static void product(GenericData.Record r, Product p) {
    r.put("product_id", p.productId());
    r.put("category_name", p.categoryName());
    r.put("category_name_english", p.categoryNameEnglish());
    r.put("name_length", p.nameLength());
    r.put("description_length", p.descriptionLength());
    r.put("photos_qty", p.photosQty());
    r.put("weight_g", p.weightG());
    r.put("length_cm", p.lengthCm());
    r.put("height_cm", p.heightCm());
    r.put("width_cm", p.widthCm());
  }

  private static long millis(LocalDateTime t, ReplayEvent event, String field) {
    if (t == null) {
      throw invalid(event, field + " is missing");
    }
    return OrderEventDeriver.millis(t);
  }

  /** Exact: a value with more digits than the contract's scale, or too many overall, is an error, never rounded. */
  private static BigDecimal money(Schema schema, String field, BigDecimal value, ReplayEvent event) {
    if (value == null) {
      throw invalid(event, field + " is missing");
    }
    LogicalTypes.Decimal type = (LogicalTypes.Decimal) schema.getField(field).schema().getLogicalType();
    BigDecimal scaled;
    try {
      scaled = value.setScale(type.getScale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw invalid(event, field + " " + value.toPlainString() + " has more than " + type.getScale() + " decimals");
    }
    if (scaled.precision() > type.getPrecision()) {
      throw invalid(event, field + " " + value.toPlainString() + " exceeds " + type.getPrecision() + " digits");
    }
    return scaled;
  }

  private static IllegalArgumentException invalid(ReplayEvent event, String problem) {
    return new IllegalArgumentException(event.stream().streamName() + " event for " + event.key() + ": " + problem);
  }
}
