package io.olistlakehouse.source.synthetic;

/**
 * Products, prices and the marketplace's long tail, from the sample's 5,460 products, 1,610 sellers and 8,365 items.
 */
final class ProductCalibration {

  private ProductCalibration() {}

  static final Quantiles NAME_LENGTH = Quantiles.of(7, 20, 29, 33, 37, 39, 42, 44, 46, 47, 49, 51, 52, 53, 55,
      56, 57, 58, 59, 59, 60, 63, 64);
  static final Quantiles DESCRIPTION_LENGTH = Quantiles.of(27, 81, 149.4, 209, 262, 311.6, 356, 406, 453, 506,
      558, 609, 671, 734, 816, 905.6, 1000, 1158.4, 1350.8, 1672.2, 2193.8, 3531.56, 3924.3);
  static final Quantiles PHOTOS = Quantiles.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 5, 6, 8,
      11);
  static final Quantiles WEIGHT_G = Quantiles.of(50, 50, 115, 150, 200, 250, 300, 350, 411.3, 500, 600, 700,
      850, 1000, 1212.05, 1500, 1900, 2587.2, 3753.75, 6250, 10952.5, 20870.5, 30000);
  static final Quantiles LENGTH_CM = Quantiles.of(7, 16, 16, 16, 16, 17, 18, 20, 20, 21, 23, 25, 27, 30, 31, 35,
      39, 41, 45, 53, 65, 100, 105);
  static final Quantiles HEIGHT_CM = Quantiles.of(2, 2, 3, 4, 5, 7, 8, 10, 10, 11, 12, 13, 15, 16, 17, 20, 21,
      25, 30, 35, 45, 68.41, 103);
  static final Quantiles WIDTH_CM = Quantiles.of(8, 11, 11, 11, 12, 14, 15, 15, 16, 17, 18, 20, 20, 22, 25, 27,
      30, 31, 35, 40, 47, 65, 94.082);
  /** How closely the dimensions follow a product's size (an assumption; the sample's rank correlations are high). */
  static final double DIMENSION_CORRELATION = 0.8;

  /** An item's price over its category's median price. */
  static final Quantiles PRICE_RATIO = Quantiles.of(0.031, 0.125, 0.238, 0.344, 0.434, 0.512, 0.595, 0.667,
      0.76, 0.833, 0.93, 1, 1.096, 1.199, 1.334, 1.501, 1.74, 1.987, 2.405, 3.219, 4.948, 13.049, 31.095);
  /** Spearman correlation of price and weight in the sample: 0.50. */
  static final double PRICE_SIZE_CORRELATION = 0.5;
  /** Price endings: ,90 (34%), ,00 (30%), ,99 (19%), ,50 (2.5%), anything else (14.5%) of 8,365 items. */
  static final Weighted PRICE_ENDING = Weighted.of(2_846, 2_492, 1_558, 207, 1_262);
  static final double MIN_PRICE = 0.85;
  /** The sample's dearest item. */
  static final double MAX_PRICE = 4_799;
  /**
   * Category medians and within-category ratios are drawn independently, which compounds their tails (a pricey
   * category with a high ratio); raising the ratio to this power brings the mean item price (130.70) and the 99th
   * percentile (899) back to the sample's.
   */
  static final double PRICE_RATIO_DAMPING = 0.9;

  /** freight_value per item. */
  static final Quantiles FREIGHT = Quantiles.of(0, 5.696, 7.78, 8.88, 10.96, 12.13, 13.08, 14.08, 14.61, 15.11,
      15.66, 16.32, 17.07, 17.95, 18.66, 19.94, 21.77, 23.912, 27.368, 35.048, 47.658, 90.976, 175.76);
  /** Spearman correlation of freight and weight in the sample: 0.46. */
  static final double FREIGHT_SIZE_CORRELATION = 0.46;

  /**
   * The long tail: sellers are picked with density proportional to (rank + OFFSET)^-THETA over SELLERS ranks;
   * seller rank r lists 1 + MAX_EXTRA_PRODUCTS * (1 - r / SELLERS)^CATALOG_DECAY products, picked within the
   * seller as floor(size * u^PRODUCT_SKEW). Fitted by simulation to the sample's 8,135 orders: it yields about
   * 5,570 distinct products (sample 5,460), 75% of them sold once (76%), the best seller 45 units (38); 1,730
   * distinct sellers (1,610), the top ten with 13% of items (13%), the 99th percentile seller 57 items (55).
   * The pools do not grow with the number of orders, so a larger run sells each product more often.
   */
  static final int SELLERS = 2_832;
  static final double SELLER_THETA = 1.0773;
  static final double SELLER_OFFSET = 12.63;
  static final double MAX_EXTRA_PRODUCTS = 137.9;
  static final double CATALOG_DECAY = 7.107;
  static final double PRODUCT_SKEW = 3.264;
}
