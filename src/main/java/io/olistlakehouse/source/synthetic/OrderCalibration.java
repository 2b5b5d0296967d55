package io.olistlakehouse.source.synthetic;

import java.util.List;

/**
 * The shape of orders, measured on the real sample (8,135 orders in /work/shared/olist-sample, read with Python's
 * csv module). Counts are the sample's own; quantile tables are at {@link Quantiles#PROBABILITIES}.
 */
final class OrderCalibration {

  private OrderCalibration() {}

  /** order_status of the sample's 8,135 orders. */
  static final List<String> STATUSES = List.of(
      "delivered", "shipped", "canceled", "unavailable", "invoiced", "processing", "created", "approved");
  static final Weighted STATUS = Weighted.of(5_172, 1_107, 625, 609, 314, 301, 5, 2);

  /** Canceled: 141 of 625 never approved; of the 484 approved, 75 reached the carrier, 6 of those the customer. */
  static final double CANCELED_UNAPPROVED = 141.0 / 625;
  static final double CANCELED_AT_CARRIER = 75.0 / 484;
  static final double CANCELED_DELIVERED = 6.0 / 75;

  /** Orders without item rows: 603 of 609 unavailable, 23 of 484 approved canceled (and every unapproved one). */
  static final double UNAVAILABLE_WITHOUT_ITEMS = 603.0 / 609;
  static final double APPROVED_CANCELED_WITHOUT_ITEMS = 23.0 / 484;

  /** Items per order among the 7,360 sample orders with items (index = number of items). */
  static final Weighted ITEMS_PER_ORDER = Weighted.of(0, 6_661, 531, 94, 37, 17, 15, 3, 2);
  /** 482 of the 699 multi-item orders repeat one product; of the other items, about 2 in 3 share the seller. */
  static final double SAME_PRODUCT_REPEATED = 482.0 / 699;
  static final double OTHER_PRODUCT_SAME_SELLER = 0.67;

  /** 342 of the 5,164 delivered orders with a delivery date arrived on a later calendar day than estimated. */
  static final double LATE_SHARE = 342.0 / 5_164;

  /** 8,016 distinct customer_unique_id over 8,135 orders: 119 orders (1.46%) come from a returning customer. */
  static final double RETURNING_CUSTOMER = 119.0 / 8_135;
  /** How far back (in orders) a returning customer's earlier order may lie (an assumption). */
  static final int RETURNING_LOOKBACK = 20_000;

  /** Hours from purchase to approval, orders paid without boleto (card approvals take minutes). */
  static final Quantiles APPROVAL_HOURS_CARD = Quantiles.of(0, 0, 0.137, 0.159, 0.175, 0.188, 0.199, 0.211,
      0.223, 0.238, 0.256, 0.276, 0.302, 0.333, 0.38, 0.487, 0.76, 1.374, 8.659, 23.92, 28.371, 65.198, 245.86);
  /** Hours from purchase to approval, orders paid by boleto (the bank slip clears in a day or two). */
  static final Quantiles APPROVAL_HOURS_BOLETO = Quantiles.of(0, 0, 5.91, 9.774, 12.148, 13.532, 14.765,
      16.075, 17.819, 19.816, 27.132, 29.571, 31.634, 33.512, 35.369, 38.155, 40.422, 45.045, 59.193, 67.964,
      88.432, 129.611, 354.097);

  /** Days from approval to carrier handover, on-time deliveries (77 negative sample gaps counted as 0). */
  static final Quantiles CARRIER_DAYS_ON_TIME = Quantiles.of(0, 0, 0.243, 0.448, 0.605, 0.745, 0.849, 0.956,
      1.073, 1.215, 1.424, 1.718, 1.969, 2.278, 2.669, 3.021, 3.416, 3.942, 4.674, 5.689, 7.273, 15.079, 26.29);
  /** Days from approval to carrier handover, late deliveries. */
  static final Quantiles CARRIER_DAYS_LATE = Quantiles.of(0, 0.213, 0.52, 0.74, 0.939, 1.045, 1.197, 1.394,
      1.751, 2.115, 2.483, 3.284, 3.797, 4.049, 4.342, 5.326, 6.651, 7.793, 9.682, 15.172, 20.627, 35.206, 55.672);
  /** Days from approval to carrier handover, orders never delivered (shipped, canceled on the way). */
  static final Quantiles CARRIER_DAYS_UNDELIVERED = Quantiles.of(0, 0.052, 0.366, 0.543, 0.719, 0.848, 0.987,
      1.128, 1.315, 1.538, 1.779, 2.03, 2.329, 2.767, 3.044, 3.493, 4.051, 4.558, 5.305, 6.525, 9.563, 24.339,
      40.127);

  /** Days from carrier handover to the customer, on-time deliveries. */
  static final Quantiles TRANSIT_DAYS_ON_TIME = Quantiles.of(0, 0.797, 1.104, 1.762, 2.52, 3.179, 4.037, 4.852,
      5.273, 5.989, 6.297, 6.992, 7.292, 7.989, 8.729, 9.762, 10.702, 12.083, 13.682, 15.087, 19.045, 25.156,
      31.913);
  /** Days from carrier handover to the customer, late deliveries. */
  static final Quantiles TRANSIT_DAYS_LATE = Quantiles.of(0.976, 1.44, 3.23, 7.158, 11.073, 14.163, 17.667,
      19.858, 21.153, 22.913, 24.103, 26.007, 27.368, 29.058, 30.965, 33.734, 35.361, 37.893, 41.254, 45.943,
      56.688, 78.994, 129.362);

  /** Calendar days from the estimate to the delivery, late deliveries. */
  static final Quantiles LATENESS_DAYS = Quantiles.of(1, 1, 1, 1, 2, 2, 3, 4, 4, 5, 6, 7, 8, 8, 10, 12, 14, 16,
      19, 24.9, 35.95, 57.36, 107.295);
  /** Calendar days from the delivery to the estimate, on-time deliveries. */
  static final Quantiles SLACK_DAYS = Quantiles.of(0, 0, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 14, 15, 16, 18,
      19, 21, 22, 27, 38, 55.537);
  /** Calendar days from purchase to the estimate, all orders (used for orders never delivered). */
  static final Quantiles ESTIMATE_DAYS = Quantiles.of(2, 6, 11, 14, 16, 17, 19, 20, 21, 22, 23, 24, 25, 26, 27,
      28, 30, 31, 33, 36, 41, 54, 88.196);
  /** No sample estimate is less than 2 calendar days after the purchase. */
  static final int MIN_ESTIMATE_DAYS = 2;

  /** Whole days from approval to an item's shipping limit (78% of the sample's are whole days; index = days). */
  static final Weighted SHIPPING_LIMIT_DAYS = Weighted.of(0, 24, 361, 188, 1_429, 892, 3_225, 768, 333, 230,
      192, 141, 128, 88, 77, 44, 27, 25, 21, 23, 41, 16);
}
