package io.olistlakehouse.source.olist;

import java.util.List;

/**
 * The nine files of the Kaggle Olist dataset with their exact header columns (including the dataset's own spelling,
 * e.g. "lenght"). Declared in reading order: every file comes after the files it refers to. The fingerprint hashes
 * the files' bytes in this order too.
 */
public enum OlistFile {
  CATEGORY_TRANSLATION("product_category_name_translation.csv",
      "product_category_name", "product_category_name_english"),
  CUSTOMERS("olist_customers_dataset.csv",
      "customer_id", "customer_unique_id", "customer_zip_code_prefix", "customer_city", "customer_state"),
  SELLERS("olist_sellers_dataset.csv",
      "seller_id", "seller_zip_code_prefix", "seller_city", "seller_state"),
  PRODUCTS("olist_products_dataset.csv",
      "product_id", "product_category_name", "product_name_lenght", "product_description_lenght",
      "product_photos_qty", "product_weight_g", "product_length_cm", "product_height_cm", "product_width_cm"),
  GEOLOCATION("olist_geolocation_dataset.csv",
      "geolocation_zip_code_prefix", "geolocation_lat", "geolocation_lng", "geolocation_city", "geolocation_state"),
  ORDERS("olist_orders_dataset.csv",
      "order_id", "customer_id", "order_status", "order_purchase_timestamp", "order_approved_at",
      "order_delivered_carrier_date", "order_delivered_customer_date", "order_estimated_delivery_date"),
  ORDER_ITEMS("olist_order_items_dataset.csv",
      "order_id", "order_item_id", "product_id", "seller_id", "shipping_limit_date", "price", "freight_value"),
  ORDER_PAYMENTS("olist_order_payments_dataset.csv",
      "order_id", "payment_sequential", "payment_type", "payment_installments", "payment_value"),
  ORDER_REVIEWS("olist_order_reviews_dataset.csv",
      "review_id", "order_id", "review_score", "review_comment_title", "review_comment_message",
      "review_creation_date", "review_answer_timestamp");

  private final String fileName;
  private final List<String> columns;

  OlistFile(String fileName, String... columns) {
    this.fileName = fileName;
    this.columns = List.of(columns);
  }

  public String fileName() {
    return fileName;
  }

  public List<String> columns() {
    return columns;
  }

  public String column(int index) {
    return columns.get(index);
  }
}
