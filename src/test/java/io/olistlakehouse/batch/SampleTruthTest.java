package io.olistlakehouse.batch;

import static io.olistlakehouse.batch.SampleTruth.NICHE;
import static io.olistlakehouse.batch.SampleTruth.QUESTION;
import static io.olistlakehouse.batch.SampleTruth.STAR;
import static io.olistlakehouse.batch.SampleTruth.VOLUME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.batch.SampleTruth.MonthlySale;
import io.olistlakehouse.batch.SampleTruth.OrderLeadDays;
import io.olistlakehouse.batch.SampleTruth.ReviewLeadDays;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The oracle's own rules on hand-made input, then a few facts it must find in the real sample. */
class SampleTruthTest {

  // Loaded on first use, so the hand-made tests still run when the sample is missing.
  private static final class Sample {
    static final SampleTruth TRUTH = SampleTruth.sample();
  }

  @Test
  void lowerMedianOfAnOddCountIsTheMiddle() {
    assertEquals(7, SampleTruth.lowerMedian(List.of(7)));
    assertEquals(3, SampleTruth.lowerMedian(List.of(5, 1, 3)));
    assertEquals(4.5, SampleTruth.lowerMedian(List.of(9.0, 4.5, 0.5, 6.0, 1.0)));
  }

  @Test
  void lowerMedianOfAnEvenCountIsTheLowerOfTheTwoMiddles() {
    assertEquals(1.0, SampleTruth.lowerMedian(List.of(2.5, 1.0)));
    assertEquals(2L, SampleTruth.lowerMedian(List.of(4L, 1L, 3L, 2L)));
  }

  @Test
  void lowerMedianWithTies() {
    assertEquals(2, SampleTruth.lowerMedian(List.of(2, 9, 2, 2)));
    assertEquals(3, SampleTruth.lowerMedian(List.of(3, 1, 3, 3)));
    assertEquals(1, SampleTruth.lowerMedian(List.of(5, 1, 5, 1)));
    assertThrows(IllegalArgumentException.class, () -> SampleTruth.lowerMedian(List.<Integer>of()));
  }

  @Test
  void groupsCompareEachRowWithTheMediansOfItsOwnCell() {
    LocalDate jan = LocalDate.of(2018, 1, 1);
    // Cell (toys, Jan): quantities 1,1,2,3,4 -> medQ 2; mean sales 1,5,10,20,30 -> medP 10.
    List<MonthlySale> rows = List.of(sale("a", jan, "toys", 1, 10.0), sale("b", jan, "toys", 2, 20.0),
        sale("c", jan, "toys", 3, 30.0), sale("d", jan, "toys", 4, 5.0), sale("e", jan, "toys", 1, 1.0),
        // Alone in its month, and alone in its category: each is its own median, so a Niche Gem.
        sale("e", jan.plusMonths(1), "toys", 1, 1.0), sale("f", jan, "books", 1, 1.0));
    List<String> groups = SampleTruth.withGroups(rows).stream().map(MonthlySale::group).toList();
    // a: mean 10 equals medP, so "at or above"; b: quantity 2 equals medQ, so not "above".
    assertEquals(List.of(NICHE, NICHE, STAR, VOLUME, QUESTION, NICHE, NICHE), groups);
    assertEquals(List.of("a", "b", "c", "d", "e", "e", "f"),
        SampleTruth.withGroups(rows).stream().map(MonthlySale::productId).toList());
  }

  @Test
  void groupRuleOnItsBoundaries() {
    assertEquals(STAR, SampleTruth.group(3, 10.0, 2, 10.0));
    assertEquals(VOLUME, SampleTruth.group(3, 9.99, 2, 10.0));
    assertEquals(NICHE, SampleTruth.group(2, 10.0, 2, 10.0));
    assertEquals(QUESTION, SampleTruth.group(2, 9.99, 2, 10.0));
  }

  @Test
  void csvParserHandlesQuotedCommasQuotesAndNewlines() {
    String text = "\uFEFFa,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"line1\r\nline2\",\n3,,\"\"";
    assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "x, y", "say \"hi\""),
        List.of("2", "line1\r\nline2", ""), List.of("3", "", "")), SampleTruth.parseCsv(text));
    assertThrows(IllegalArgumentException.class, () -> SampleTruth.parseCsv("a,\"open\n"));
  }

  @Test
  void daysCountCalendarDatesNotHours() {
    LocalDateTime lateEvening = LocalDateTime.of(2017, 10, 2, 23, 59, 59);
    assertEquals(1, SampleTruth.days(lateEvening, LocalDateTime.of(2017, 10, 3, 0, 0, 1)));
    assertEquals(0, SampleTruth.days(lateEvening, LocalDateTime.of(2017, 10, 2, 0, 0)));
    assertEquals(-30, SampleTruth.days(lateEvening, LocalDateTime.of(2017, 9, 2, 12, 0)));
    assertNull(SampleTruth.days(null, lateEvening));
    assertNull(SampleTruth.days(lateEvening, null));
  }

  @Test
  void sampleOrdersHaveOneRowEachWithAKnownStatus() {
    Map<String, OrderLeadDays> orders = Sample.TRUTH.orderLeadDays();
    assertEquals(8_135, orders.size());
    Set<String> statuses = orders.values().stream().map(OrderLeadDays::status).collect(Collectors.toSet());
    assertEquals(Set.of("delivered", "in_progress", "canceled", "unavailable"), statuses);
    orders.values().stream().filter(o -> o.status().equals("delivered"))
        .forEach(o -> assertTrue(o.customerDeliveryDelayDays() != null, o.orderId()));
    // The first order of the file, worked out by hand: one item with a shipping limit of 2017-07-13.
    assertEquals(new OrderLeadDays("a4591c265e18cb1dcee52889e2d8acc3", "delivered", 0, 2, 15, -2, -6),
        orders.get("a4591c265e18cb1dcee52889e2d8acc3"));
    // Two items shipped by 2018-04-02 and 2018-04-27: the carrier is measured against the earlier.
    assertEquals(new OrderLeadDays("8109255ed5f9ea90f254fa8c5d80bde0", "delivered", 0, 2, 9, -5, -38),
        orders.get("8109255ed5f9ea90f254fa8c5d80bde0"));
    // Counted in the raw order_status column: these two keep their status whatever was delivered.
    assertEquals(625, orders.values().stream().filter(o -> o.status().equals("canceled")).count());
    assertEquals(609, orders.values().stream().filter(o -> o.status().equals("unavailable")).count());
  }

  @Test
  void sampleReviewsHaveOneRowEachWithAMultiLineCommentReadWhole() {
    Map<List<String>, ReviewLeadDays> reviews = Sample.TRUTH.reviewLeadDays();
    assertEquals(8_225, reviews.size());
    reviews.values().forEach(r -> assertTrue(r.score() >= 1 && r.score() <= 5, r.toString()));
    // Its comment spans two lines; a line-based reader would lose the row or shift its fields.
    assertEquals(new ReviewLeadDays("185cb85ede91009d7a8e685687c037ee", "2e5dc86c8c4aa663549caf5e31de840d", 1, 3),
        reviews.get(List.of("185cb85ede91009d7a8e685687c037ee", "2e5dc86c8c4aa663549caf5e31de840d")));
  }

  @Test
  void sampleMonthlySalesAreConsistent() {
    List<MonthlySale> sales = Sample.TRUTH.monthlySales();
    assertFalse(sales.isEmpty());
    Set<List<Object>> keys = new HashSet<>();
    for (MonthlySale s : sales) {
      assertTrue(s.quantity() > 0, s.toString());
      assertEquals(2, s.amount().scale(), s.toString());
      assertEquals(s.amount().doubleValue() / s.quantity(), s.meanSales(), 0.0, s.toString());
      assertEquals(1, s.salesPeriod().getDayOfMonth(), s.toString());
      assertFalse(s.category().isEmpty() || s.category().equals("pc_gamer"), s.toString());
      assertTrue(Set.of(STAR, VOLUME, NICHE, QUESTION).contains(s.group()), s.toString());
      assertTrue(keys.add(List.of(s.productId(), s.salesPeriod())), "duplicate " + s);
    }
    assertTrue(sales.stream().mapToLong(MonthlySale::quantity).sum() <= 8_365, "more sold than items");
    // The cell's median price is itself at or above the median, so every cell has a Star or a Niche Gem.
    Map<List<Object>, Set<String>> groupsByCell = sales.stream().collect(Collectors.groupingBy(
        s -> List.of(s.category(), s.salesPeriod()), Collectors.mapping(MonthlySale::group, Collectors.toSet())));
    groupsByCell.forEach((cell, groups) -> assertTrue(groups.contains(STAR) || groups.contains(NICHE), cell + ""));
  }

  private static MonthlySale sale(String productId, LocalDate period, String category, long quantity, double mean) {
    BigDecimal amount = BigDecimal.valueOf(mean * quantity).setScale(2);
    return new MonthlySale(productId, period, category, quantity, amount, mean, null);
  }
}
