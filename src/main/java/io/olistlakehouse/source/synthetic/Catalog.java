package io.olistlakehouse.source.synthetic;

import static io.olistlakehouse.source.synthetic.ProductCalibration.CATALOG_DECAY;
import static io.olistlakehouse.source.synthetic.ProductCalibration.MAX_EXTRA_PRODUCTS;
import static io.olistlakehouse.source.synthetic.ProductCalibration.PRODUCT_SKEW;
import static io.olistlakehouse.source.synthetic.ProductCalibration.SELLERS;
import static io.olistlakehouse.source.synthetic.ProductCalibration.SELLER_OFFSET;
import static io.olistlakehouse.source.synthetic.ProductCalibration.SELLER_THETA;

import io.olistlakehouse.source.model.Product;
import io.olistlakehouse.source.model.Seller;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * The marketplace's sellers and their products, each derived from (seed, seller rank[, product index]) when it is
 * needed: nothing is stored. Popular sellers rank first and list more products (see {@link ProductCalibration}).
 */
final class Catalog {

  /** A product as its seller offers it: the list price, and the size score freight correlates with. */
  record Offer(Product product, Seller seller, Places.Place sellerPlace, BigDecimal price, double size) {}

  private static final int CENTS = 100;

  private final long seed;
  private final Places places;

  Catalog(long seed, Places places) {
    this.seed = seed;
    this.places = places;
  }

  /** A seller rank, by inverting the CDF of the density (rank + offset)^-theta on [0, SELLERS). */
  int pickSeller(double u) {
    double exponent = 1 - SELLER_THETA;
    double low = StrictMath.pow(SELLER_OFFSET, exponent);
    double high = StrictMath.pow(SELLERS + SELLER_OFFSET, exponent);
    double rank = StrictMath.pow(low + u * (high - low), 1 / exponent) - SELLER_OFFSET;
    return Math.min(SELLERS - 1, Math.max(0, (int) rank));
  }

  int productCount(int seller) {
    double share = (double) (SELLERS - seller) / SELLERS;
    return 1 + (int) (MAX_EXTRA_PRODUCTS * StrictMath.pow(share, CATALOG_DECAY));
  }

  /** A product of the seller, the first ones selling most. */
  int pickProduct(int seller, double u) {
    return (int) (productCount(seller) * StrictMath.pow(u, PRODUCT_SKEW));
  }

  /** Any product of the seller, all equally likely (another product of a basket from the same seller). */
  int anyProduct(int seller, double u) {
    return (int) (productCount(seller) * u);
  }

  Offer offer(int seller, int index) {
    SplittableRandom random = Mixing.random(seed, Mixing.PRODUCT, seller, index);
    boolean categorized = random.nextDouble() >= Categories.UNCATEGORIZED_SHARE;
    Categories.Category category = Categories.ALL.get(Categories.WEIGHTS.pick(random.nextDouble()));
    double size = Correlated.gaussian(random);
    Product product = new Product(Mixing.id(seed, Mixing.PRODUCT, seller, index),
        categorized ? category.name() : null,
        categorized ? category.english() : null,
        categorized ? rounded(ProductCalibration.NAME_LENGTH, random.nextDouble()) : null,
        categorized ? rounded(ProductCalibration.DESCRIPTION_LENGTH, random.nextDouble()) : null,
        categorized ? rounded(ProductCalibration.PHOTOS, random.nextDouble()) : null,
        rounded(ProductCalibration.WEIGHT_G, Correlated.normalCdf(size)),
        dimension(ProductCalibration.LENGTH_CM, size, random),
        dimension(ProductCalibration.HEIGHT_CM, size, random),
        dimension(ProductCalibration.WIDTH_CM, size, random));
    double median = categorized ? category.medianPrice() : Categories.UNCATEGORIZED_MEDIAN_PRICE;
    double ratio = ProductCalibration.PRICE_RATIO.at(
        Correlated.uniform(size, ProductCalibration.PRICE_SIZE_CORRELATION, random));
    double raw = Math.min(ProductCalibration.MAX_PRICE,
        median * StrictMath.pow(ratio, ProductCalibration.PRICE_RATIO_DAMPING));
    BigDecimal price = listPrice(raw, ProductCalibration.PRICE_ENDING.pick(random.nextDouble()));
    Places.Place place = places.sellerPlace(Mixing.random(seed, Mixing.SELLER, seller, 1));
    Seller sellerRow = new Seller(Mixing.id(seed, Mixing.SELLER, seller, 0), place.zipPrefix(), place.city(),
        place.state());
    return new Offer(product, sellerRow, place, price, size);
  }

  private static Integer rounded(Quantiles table, double u) {
    return (int) Math.round(table.at(u));
  }

  private static Integer dimension(Quantiles table, double size, SplittableRandom random) {
    return rounded(table, Correlated.uniform(size, ProductCalibration.DIMENSION_CORRELATION, random));
  }

  /** Rounds a price the way sellers do: mostly to ,90 ,00 ,99 or ,50 (the index of PRICE_ENDING). */
  static BigDecimal listPrice(double raw, int ending) {
    long whole = Math.max(1, Math.round(raw)) * CENTS;
    long cents = switch (ending) {
      case 0 -> whole - 10;
      case 1 -> whole;
      case 2 -> whole - 1;
      case 3 -> whole - 50;
      default -> Math.round(raw * CENTS);
    };
    long bounded = Math.min(Math.round(ProductCalibration.MAX_PRICE * CENTS), cents);
    return BigDecimal.valueOf(Math.max(bounded, Math.round(ProductCalibration.MIN_PRICE * CENTS)), 2);
  }
}
