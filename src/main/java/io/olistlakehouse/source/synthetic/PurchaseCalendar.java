package io.olistlakehouse.source.synthetic;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * When orders are placed: an inverse CDF over every hour from the sample's first to its last purchase day, weighted
 * by the month's share of orders (the marketplace's growth, Black Friday 2017 included), the weekday and the hour
 * of day. Feeding it increasing probabilities yields increasing times, so orders come out in purchase order.
 */
final class PurchaseCalendar {

  static final LocalDateTime START = LocalDateTime.of(2016, 9, 4, 0, 0);
  static final LocalDateTime END = LocalDateTime.of(2018, 10, 18, 0, 0);

  /** Sample orders per month, 2016-09 to 2018-10 (none in 2016-11 and 2016-12). */
  private static final double[] MONTHS = {3, 69, 0, 0, 90, 220, 268, 206, 327, 262, 354, 381, 349, 387, 674,
      459, 580, 537, 599, 527, 475, 385, 474, 489, 16, 4};
  /** Sample orders per weekday, Monday first. */
  private static final double[] WEEKDAYS = {1_347, 1_274, 1_245, 1_231, 1_169, 912, 957};
  /** Sample orders per hour of day, midnight first. */
  private static final double[] HOURS = {194, 101, 38, 24, 13, 14, 47, 104, 212, 389, 542, 534, 549, 523, 510,
      516, 544, 495, 499, 489, 530, 488, 457, 323};
  private static final int SECONDS_PER_HOUR = 3_600;

  static final PurchaseCalendar INSTANCE = new PurchaseCalendar();

  private final double[] cumulative;

  private PurchaseCalendar() {
    int hours = (int) Duration.between(START, END).toHours();
    double[] shape = new double[hours];
    double[] monthShape = new double[MONTHS.length];
    for (int h = 0; h < hours; h++) {
      LocalDateTime time = START.plusHours(h);
      shape[h] = WEEKDAYS[time.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()] * HOURS[time.getHour()];
      monthShape[monthIndex(time)] += shape[h];
    }
    cumulative = new double[hours];
    double total = 0;
    for (int h = 0; h < hours; h++) {
      int month = monthIndex(START.plusHours(h));
      total += MONTHS[month] * shape[h] / monthShape[month];
      cumulative[h] = total;
    }
    for (int h = 0; h < hours; h++) {
      cumulative[h] /= total;
    }
  }

  /** The purchase time at cumulative probability {@code q} in [0, 1), to the second. */
  LocalDateTime at(double q) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] > q) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    double before = low == 0 ? 0 : cumulative[low - 1];
    double fraction = (q - before) / (cumulative[low] - before);
    int second = Math.min(SECONDS_PER_HOUR - 1, Math.max(0, (int) (fraction * SECONDS_PER_HOUR)));
    return START.plusSeconds((long) low * SECONDS_PER_HOUR + second);
  }

  private static int monthIndex(LocalDateTime time) {
    return (time.getYear() - START.getYear()) * 12 + time.getMonthValue() - START.getMonthValue();
  }
}
