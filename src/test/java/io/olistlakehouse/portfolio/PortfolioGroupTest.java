package io.olistlakehouse.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PortfolioGroupTest {

  @Test
  void quantityAboveTheMedianSplitsByPrice() {
    assertEquals(PortfolioGroup.STAR_PRODUCTS, PortfolioGroup.classify(3, 10.0, 2, 10.0));
    assertEquals(PortfolioGroup.VOLUME_DRIVERS, PortfolioGroup.classify(3, 9.99, 2, 10.0));
  }

  @Test
  void quantityAtOrBelowTheMedianSplitsByPrice() {
    assertEquals(PortfolioGroup.NICHE_GEMS, PortfolioGroup.classify(2, 10.0, 2, 10.0));
    assertEquals(PortfolioGroup.QUESTION_MARKS, PortfolioGroup.classify(1, 5.0, 2, 10.0));
  }

  @Test
  void labelsAreWhatDashboardsShow() {
    assertEquals("Star Products", PortfolioGroup.STAR_PRODUCTS.label());
    assertEquals("Question Marks", PortfolioGroup.QUESTION_MARKS.label());
  }
}
