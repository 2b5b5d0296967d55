package io.olistlakehouse.source.synthetic;

import io.olistlakehouse.source.model.Order;
import io.olistlakehouse.source.model.Review;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An order's reviews. The score depends on what happened (on time, late, never delivered); the survey goes out
 * around the delivery (or, when nothing arrives, a couple of days after the estimate) and is answered later.
 */
final class Reviews {

  private static final double SECONDS_PER_DAY = 86_400;
  private static final Comparator<Review> BY_CREATION =
      Comparator.comparing(Review::creationDate).thenComparing(Review::reviewId);

  private final long seed;

  Reviews(long seed) {
    this.seed = seed;
  }

  List<Review> write(long orderIndex, Order order, boolean late, SplittableRandom random) {
    int count = ReviewCalibration.REVIEWS_PER_ORDER.pick(random.nextDouble());
    List<Review> reviews = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Weighted scores = order.deliveredCustomerAt() == null ? ReviewCalibration.SCORE_UNDELIVERED
          : late ? ReviewCalibration.SCORE_LATE : ReviewCalibration.SCORE_ON_TIME;
      int score = scores.pick(random.nextDouble()) + 1;
      LocalDateTime created = creationDay(order, random).atStartOfDay();
      LocalDateTime answered = created.plusSeconds(
          Math.round(ReviewCalibration.ANSWER_DAYS.at(random.nextDouble()) * SECONDS_PER_DAY));
      reviews.add(new Review(Mixing.id(seed, Mixing.REVIEW, orderIndex, i), order.orderId(), score,
          title(score, random), message(score, random), created, answered));
    }
    reviews.sort(BY_CREATION);
    return reviews;
  }

  private static LocalDate creationDay(Order order, SplittableRandom random) {
    LocalDate purchaseDay = order.purchaseAt().toLocalDate();
    if (order.deliveredCustomerAt() != null) {
      LocalDate deliveryDay = order.deliveredCustomerAt().toLocalDate();
      if (random.nextDouble() < ReviewCalibration.CREATED_BEFORE_DELIVERY) {
        return dayBetween(purchaseDay.plusDays(1), deliveryDay.minusDays(1), deliveryDay, random);
      }
      return deliveryDay.plusDays(ReviewCalibration.CREATION_AFTER_DELIVERY.pick(random.nextDouble()));
    }
    LocalDate estimateDay = order.estimatedDeliveryAt().toLocalDate();
    if (random.nextDouble() < ReviewCalibration.CREATED_BEFORE_ESTIMATE) {
      return dayBetween(purchaseDay.plusDays(1), estimateDay, estimateDay, random);
    }
    return estimateDay.plusDays(ReviewCalibration.CREATION_AFTER_ESTIMATE.pick(random.nextDouble()));
  }

  /** A day in [first, last], or {@code fallback} when that span is empty. */
  private static LocalDate dayBetween(LocalDate first, LocalDate last, LocalDate fallback, SplittableRandom random) {
    long span = ChronoUnit.DAYS.between(first, last);
    return span < 0 ? fallback : first.plusDays(random.nextLong(span + 1));
  }

  private static String title(int score, SplittableRandom random) {
    if (random.nextDouble() >= ReviewCalibration.TITLE_SHARE[score - 1]) {
      return null;
    }
    return pick(ReviewCalibration.TITLES.get(ReviewCalibration.sentiment(score)), random);
  }

  private static String message(int score, SplittableRandom random) {
    if (random.nextDouble() >= ReviewCalibration.MESSAGE_SHARE[score - 1]) {
      return null;
    }
    List<String> sentences = ReviewCalibration.SENTENCES.get(ReviewCalibration.sentiment(score));
    String first = pick(sentences, random);
    if (random.nextDouble() < ReviewCalibration.TWO_LINE_MESSAGE) {
      // The dataset's multi-line comments use CRLF inside the quoted field.
      return first + "\r\n" + pick(sentences, random);
    }
    return first;
  }

  private static String pick(List<String> choices, SplittableRandom random) {
    return choices.get(random.nextInt(choices.size()));
  }
}
