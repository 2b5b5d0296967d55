package io.olistlakehouse.source.synthetic;

import static io.olistlakehouse.source.synthetic.OrderCalibration.MIN_ESTIMATE_DAYS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * An order's milestones: which ones its status implies, and when they happen. Each stage follows the previous one
 * (purchase, approval, carrier, customer). Whether a delivery is late is decided first, then its stages are drawn
 * from the sample's on-time or late lead times and the estimate is set before or after the delivery day.
 */
final class OrderTimes {

  /** The milestones an order reached. */
  record Stages(boolean approved, boolean atCarrier, boolean delivered) {}

  /** Absent milestones are null; the estimate is always set, at midnight as in the dataset. */
  record Times(LocalDateTime approvedAt, LocalDateTime carrierAt, LocalDateTime customerAt,
      LocalDateTime estimatedAt, boolean late) {}

  private static final double SECONDS_PER_HOUR = 3_600;
  private static final double SECONDS_PER_DAY = 86_400;

  private OrderTimes() {}

  static Stages stages(String status, SplittableRandom random) {
    return switch (status) {
      case "delivered" -> new Stages(true, true, true);
      case "shipped" -> new Stages(true, true, false);
      case "created" -> new Stages(false, false, false);
      case "canceled" -> {
        boolean approved = random.nextDouble() >= OrderCalibration.CANCELED_UNAPPROVED;
        boolean atCarrier = approved && random.nextDouble() < OrderCalibration.CANCELED_AT_CARRIER;
        yield new Stages(approved, atCarrier, atCarrier && random.nextDouble() < OrderCalibration.CANCELED_DELIVERED);
      }
      default -> new Stages(true, false, false);
    };
  }

  static Times times(LocalDateTime purchaseAt, Stages stages, boolean boleto, SplittableRandom random) {
    LocalDate purchaseDay = purchaseAt.toLocalDate();
    if (!stages.approved()) {
      return new Times(null, null, null, estimateWithoutDelivery(purchaseDay, random), false);
    }
    Quantiles approval = boleto ? OrderCalibration.APPROVAL_HOURS_BOLETO : OrderCalibration.APPROVAL_HOURS_CARD;
    LocalDateTime approvedAt = plus(purchaseAt, approval.at(random.nextDouble()) * SECONDS_PER_HOUR);
    if (!stages.atCarrier()) {
      return new Times(approvedAt, null, null, estimateWithoutDelivery(purchaseDay, random), false);
    }
    if (!stages.delivered()) {
      LocalDateTime carrierAt = days(approvedAt, OrderCalibration.CARRIER_DAYS_UNDELIVERED, random);
      return new Times(approvedAt, carrierAt, null, estimateWithoutDelivery(purchaseDay, random), false);
    }
    boolean late = random.nextDouble() < OrderCalibration.LATE_SHARE;
    LocalDateTime carrierAt = days(approvedAt,
        late ? OrderCalibration.CARRIER_DAYS_LATE : OrderCalibration.CARRIER_DAYS_ON_TIME, random);
    LocalDateTime customerAt = days(carrierAt,
        late ? OrderCalibration.TRANSIT_DAYS_LATE : OrderCalibration.TRANSIT_DAYS_ON_TIME, random);
    LocalDate deliveryDay = customerAt.toLocalDate();
    LocalDate earliestEstimate = purchaseDay.plusDays(MIN_ESTIMATE_DAYS);
    LocalDate estimate = null;
    if (late) {
      estimate = deliveryDay.minusDays(Math.max(1, whole(OrderCalibration.LATENESS_DAYS, random)));
      if (estimate.isBefore(earliestEstimate)) {
        estimate = earliestEstimate;
      }
      // A delivery within the shortest estimate cannot be late: it is then an on-time one.
      late = estimate.isBefore(deliveryDay);
    }
    if (!late) {
      estimate = max(deliveryDay.plusDays(whole(OrderCalibration.SLACK_DAYS, random)), earliestEstimate);
    }
    return new Times(approvedAt, carrierAt, customerAt, estimate.atStartOfDay(), late);
  }

  private static LocalDateTime estimateWithoutDelivery(LocalDate purchaseDay, SplittableRandom random) {
    long days = Math.max(MIN_ESTIMATE_DAYS, whole(OrderCalibration.ESTIMATE_DAYS, random));
    return purchaseDay.plusDays(days).atStartOfDay();
  }

  private static LocalDateTime days(LocalDateTime from, Quantiles table, SplittableRandom random) {
    return plus(from, table.at(random.nextDouble()) * SECONDS_PER_DAY);
  }

  private static LocalDateTime plus(LocalDateTime from, double seconds) {
    return from.plusSeconds(Math.round(seconds));
  }

  private static long whole(Quantiles table, SplittableRandom random) {
    return Math.round(table.at(random.nextDouble()));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
