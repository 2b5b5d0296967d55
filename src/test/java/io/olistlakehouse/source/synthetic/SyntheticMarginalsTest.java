package io.olistlakehouse.source.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.source.olist.OlistCsvSource;
import io.olistlakehouse.testing.TestOlistSample;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator against the real sample it was calibrated on, each marginal within a stated tolerance. */
class SyntheticMarginalsTest {

  private static Marginals sample;
  private static Marginals generated;

  @BeforeAll
  static void measure() throws IOException {
    try (OlistCsvSource source = OlistCsvSource.open(TestOlistSample.dir())) {
      sample = Marginals.of(source);
    }
    generated = Marginals.of(new SyntheticSource(40_000, 2024));
  }

  @Test
  void statusMixWithinOnePointFive() {
    for (String status : List.of("delivered", "shipped", "canceled", "unavailable", "invoiced", "processing",
        "created", "approved")) {
      assertEquals(sample.statusShare(status), generated.statusShare(status), 0.015, status);
    }
  }

  @Test
  void lateShareAmongDeliveredWithinOnePoint() {
    assertEquals(sample.lateShare(), generated.lateShare(), 0.01);
  }

  @Test
  void paymentTypeMixOfRowsWithinTwoPoints() {
    for (String type : List.of("credit_card", "boleto", "voucher", "debit_card", "not_defined")) {
      assertEquals(sample.paymentTypeShare(type), generated.paymentTypeShare(type), 0.02, type);
    }
  }

  @Test
  void itemsPerOrder() {
    assertEquals(sample.itemsShare(0), generated.itemsShare(0), 0.01, "orders without items");
    assertEquals(sample.itemsShare(1), generated.itemsShare(1), 0.015, "orders with one item");
    assertEquals((double) sample.items / sample.orders, (double) generated.items / generated.orders, 0.03,
        "mean items per order");
  }

  @Test
  void lateOrdersScoreMuchLower() {
    assertEquals(sample.meanLateScore(), generated.meanLateScore(), 0.25, "late");
    assertEquals(sample.meanOnTimeScore(), generated.meanOnTimeScore(), 0.1, "on time");
    assertTrue(generated.meanOnTimeScore() - generated.meanLateScore() > 1.5);
  }

  @Test
  void medianLeadTimes() {
    assertRelative(Marginals.median(sample.approvalHours), Marginals.median(generated.approvalHours), 0.15,
        "purchase to approval (hours)");
    assertRelative(Marginals.median(sample.carrierDays), Marginals.median(generated.carrierDays), 0.10,
        "approval to carrier (days)");
    assertRelative(Marginals.median(sample.transitDays), Marginals.median(generated.transitDays), 0.10,
        "carrier to customer (days)");
    assertEquals(Marginals.median(sample.estimateDays), Marginals.median(generated.estimateDays), 1.0,
        "purchase to estimate (calendar days)");
  }

  @Test
  void productsAndSellersHaveTheSamplesLongTailAtTheSamplesSize() {
    Marginals small = Marginals.of(new SyntheticSource(sample.orders, 5));
    assertRelative(sample.productUnits.size(), small.productUnits.size(), 0.15, "distinct products sold");
    assertRelative(sample.sellerUnits.size(), small.sellerUnits.size(), 0.15, "distinct sellers");
    assertRelative(soldOnce(sample), soldOnce(small), 0.10, "share of products sold once");
    long top = small.sellerUnits.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertTrue(top >= 50, "a few sellers sell a lot: the top one sold " + top);
  }

  private static double soldOnce(Marginals marginals) {
    return (double) marginals.productUnits.values().stream().filter(units -> units == 1).count()
        / marginals.productUnits.size();
  }

  private static void assertRelative(double expected, double actual, double tolerance, String what) {
    assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected),
        what + ": sample " + expected + ", generated " + actual + ", tolerance " + (int) (tolerance * 100) + "%");
  }
}
