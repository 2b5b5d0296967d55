package io.olistlakehouse.portfolio;

/**
 * The product portfolio matrix: a product's sales in one (category, month) cell against the cell's lower medians
 * of quantity and of mean price. The batch layer assigns it; serving and dashboards read it.
 */
public enum PortfolioGroup {
  STAR_PRODUCTS("Star Products"),
  VOLUME_DRIVERS("Volume Drivers"),
  NICHE_GEMS("Niche Gems"),
  QUESTION_MARKS("Question Marks");

  private final String label;

  PortfolioGroup(String label) {
    this.label = label;
  }

  /** What tables store and dashboards show. */
  public String label() {
    return label;
  }

  /**
   * Sells more than the cell's median quantity: a star at or above the median mean price, else a volume driver.
   * Otherwise a niche gem at or above the median price, else a question mark.
   */
  public static PortfolioGroup classify(long quantity, double meanSales, long medianQuantity,
      double medianMeanSales) {
    boolean aboveMedianPrice = meanSales >= medianMeanSales;
    if (quantity > medianQuantity) {
      return aboveMedianPrice ? STAR_PRODUCTS : VOLUME_DRIVERS;
    }
    return aboveMedianPrice ? NICHE_GEMS : QUESTION_MARKS;
  }
}
