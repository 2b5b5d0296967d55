package io.olistlakehouse.source.synthetic;

import io.olistlakehouse.source.model.Payment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits an order's total into payment rows that add up to it to the cent: one row mostly, sometimes a card plus
 * vouchers, vouchers only or two cards, in the sample's proportions. Works in cents so nothing is lost to rounding.
 */
final class Payments {

  private static final String CREDIT_CARD = "credit_card";
  private static final String VOUCHER = "voucher";
  private static final int CENTS = 100;

  private Payments() {}

  static List<Payment> plan(String orderId, long totalCents, SplittableRandom random) {
    List<Payment> rows = new ArrayList<>(2);
    if (random.nextDouble() < PaymentCalibration.SPLIT_SHARE) {
      int kind = PaymentCalibration.SPLIT_KIND.pick(random.nextDouble());
      if (kind == PaymentCalibration.CARD_AND_VOUCHERS) {
        int count = PaymentCalibration.CARD_AND_VOUCHER_ROWS.pick(random.nextDouble());
        if (totalCents >= count) {
          double share = PaymentCalibration.VOUCHER_SHARE.at(random.nextDouble());
          long vouchers = clamp(Math.round(totalCents * share), count - 1, totalCents - 1);
          add(rows, orderId, CREDIT_CARD, totalCents - vouchers, random);
          for (long part : split(vouchers, count - 1, random)) {
            add(rows, orderId, VOUCHER, part, random);
          }
          return rows;
        }
      } else if (kind == PaymentCalibration.VOUCHERS_ONLY) {
        int count = PaymentCalibration.VOUCHER_ROWS.pick(random.nextDouble());
        if (totalCents >= count) {
          for (long part : split(totalCents, count, random)) {
            add(rows, orderId, VOUCHER, part, random);
          }
          return rows;
        }
      } else if (totalCents >= 2) {
        double share = PaymentCalibration.FIRST_CARD_SHARE.at(random.nextDouble());
        long first = clamp(Math.round(totalCents * share), 1, totalCents - 1);
        add(rows, orderId, CREDIT_CARD, first, random);
        add(rows, orderId, CREDIT_CARD, totalCents - first, random);
        return rows;
      }
    }
    String type = PaymentCalibration.SINGLE_TYPES.get(PaymentCalibration.SINGLE_TYPE.pick(random.nextDouble()));
    add(rows, orderId, type, totalCents, random);
    return rows;
  }

  private static void add(List<Payment> rows, String orderId, String type, long cents, SplittableRandom random) {
    int installments = type.equals(CREDIT_CARD) ? installments(cents, random.nextDouble()) : 1;
    rows.add(new Payment(orderId, rows.size() + 1, type, installments, BigDecimal.valueOf(cents, 2)));
  }

  /** Dearer card payments are split in more installments, as in the sample's value bands. */
  private static int installments(long cents, double u) {
    double value = (double) cents / CENTS;
    int band = 0;
    while (band < PaymentCalibration.INSTALLMENT_BANDS.length && value >= PaymentCalibration.INSTALLMENT_BANDS[band]) {
      band++;
    }
    return PaymentCalibration.INSTALLMENTS.get(band).pick(u);
  }

  /** {@code parts} amounts of at least one cent each, summing to {@code cents} (uniform over the simplex). */
  static long[] split(long cents, int parts, SplittableRandom random) {
    long[] amounts = new long[parts];
    double[] weights = new double[parts];
    double sum = 0;
    for (int i = 0; i < parts; i++) {
      weights[i] = -StrictMath.log(1 - random.nextDouble());
      sum += weights[i];
    }
    long spare = cents - parts;
    long given = 0;
    for (int i = 0; i < parts; i++) {
      long extra = i == parts - 1 ? spare - given : (long) (spare * weights[i] / sum);
      amounts[i] = 1 + extra;
      given += extra;
    }
    return amounts;
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }
}
