package io.olistlakehouse.source.synthetic;

import io.olistlakehouse.source.model.Order;
import io.olistlakehouse.source.model.OrderBundle;
import io.olistlakehouse.source.model.Payment;
import io.olistlakehouse.source.model.Review;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The marginals the generator is calibrated on, measured the same way on any stream of bundles. */
final class Marginals {

  long orders;
  final Map<String, Long> statuses = new TreeMap<>();
  final Map<String, Long> paymentTypes = new TreeMap<>();
  long paymentRows;
  long splitOrders;
  long items;
  final Map<Integer, Long> itemsPerOrder = new TreeMap<>();
  long delivered;
  long late;
  double lateScoreSum;
  long lateScores;
  double onTimeScoreSum;
  long onTimeScores;
  final List<Double> approvalHours = new ArrayList<>();
  final List<Double> carrierDays = new ArrayList<>();
  final List<Double> transitDays = new ArrayList<>();
  final List<Double> estimateDays = new ArrayList<>();
  final Map<String, Long> productUnits = new HashMap<>();
  final Map<String, Long> sellerUnits = new HashMap<>();

  static Marginals of(Iterator<OrderBundle> bundles) {
    Marginals marginals = new Marginals();
    bundles.forEachRemaining(marginals::add);
    return marginals;
  }

  private void add(OrderBundle bundle) {
    Order order = bundle.order();
    orders++;
    statuses.merge(order.status(), 1L, Long::sum);
    for (Payment payment : bundle.payments()) {
      paymentTypes.merge(payment.paymentType(), 1L, Long::sum);
    }
    paymentRows += bundle.payments().size();
    splitOrders += bundle.payments().size() > 1 ? 1 : 0;
    items += bundle.items().size();
    itemsPerOrder.merge(bundle.items().size(), 1L, Long::sum);
    bundle.items().forEach(item -> {
      productUnits.merge(item.productId(), 1L, Long::sum);
      sellerUnits.merge(item.sellerId(), 1L, Long::sum);
    });
    if (order.approvedAt() != null) {
      approvalHours.add(hours(Duration.between(order.purchaseAt(), order.approvedAt())));
    }
    if (order.approvedAt() != null && order.deliveredCarrierAt() != null) {
      carrierDays.add(hours(Duration.between(order.approvedAt(), order.deliveredCarrierAt())) / 24);
    }
    if (order.deliveredCarrierAt() != null && order.deliveredCustomerAt() != null) {
      transitDays.add(hours(Duration.between(order.deliveredCarrierAt(), order.deliveredCustomerAt())) / 24);
    }
    estimateDays.add((double) ChronoUnit.DAYS.between(order.purchaseAt().toLocalDate(),
        order.estimatedDeliveryAt().toLocalDate()));
    if (order.status().equals("delivered") && order.deliveredCustomerAt() != null) {
      delivered++;
      boolean isLate = order.deliveredCustomerAt().toLocalDate().isAfter(order.estimatedDeliveryAt().toLocalDate());
      late += isLate ? 1 : 0;
      for (Review review : bundle.reviews()) {
        if (isLate) {
          lateScoreSum += review.score();
          lateScores++;
        } else {
          onTimeScoreSum += review.score();
          onTimeScores++;
        }
      }
    }
  }

  double statusShare(String status) {
    return (double) statuses.getOrDefault(status, 0L) / orders;
  }

  double paymentTypeShare(String type) {
    return (double) paymentTypes.getOrDefault(type, 0L) / paymentRows;
  }

  double itemsShare(int count) {
    return (double) itemsPerOrder.getOrDefault(count, 0L) / orders;
  }

  double lateShare() {
    return (double) late / delivered;
  }

  double meanLateScore() {
    return lateScoreSum / lateScores;
  }

  double meanOnTimeScore() {
    return onTimeScoreSum / onTimeScores;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double hours(Duration duration) {
    return duration.getSeconds() / 3600.0;
  }

  @Override
  public String toString() {
    return String.format(
        "orders=%d statuses=%s late=%.4f paymentTypes=%s rows/order=%.3f split=%.4f items/order=%.3f itemsHist=%s"
            + " lateScore=%.3f onTimeScore=%.3f approvalH=%.3f carrierD=%.3f transitD=%.3f estimateD=%.1f"
            + " products=%d sellers=%d",
        orders, statuses, lateShare(), paymentTypes, (double) paymentRows / orders, (double) splitOrders / orders,
        (double) items / orders, itemsPerOrder, meanLateScore(), meanOnTimeScore(), median(approvalHours),
        median(carrierDays), median(transitDays), median(estimateDays), productUnits.size(), sellerUnits.size());
  }
}
