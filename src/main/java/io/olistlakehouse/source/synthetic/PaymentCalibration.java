package io.olistlakehouse.source.synthetic;

import java.util.List;

/** How the sample's 8,135 orders were paid (8,924 payment rows). */
final class PaymentCalibration {

  private PaymentCalibration() {}

  /** 274 orders (3.4%) have several payment rows. */
  static final double SPLIT_SHARE = 274.0 / 8_135;

  /** The single row of the other 7,861 (3 not_defined rows, zero-value cancellations, are left out). */
  static final List<String> SINGLE_TYPES = List.of("credit_card", "boleto", "voucher", "debit_card");
  static final Weighted SINGLE_TYPE = Weighted.of(5_990, 1_580, 166, 122);

  /** Split payments: a card plus vouchers (203 orders), vouchers only (40), two cards (31). */
  static final Weighted SPLIT_KIND = Weighted.of(203, 40, 31);
  static final int CARD_AND_VOUCHERS = 0;
  static final int VOUCHERS_ONLY = 1;

  /** Rows of a card-and-vouchers order (index = rows; the card comes first). */
  static final Weighted CARD_AND_VOUCHER_ROWS = Weighted.of(0, 0, 149, 17, 5, 5, 2, 1, 0, 5, 2, 5, 5, 1, 1, 1,
      0, 0, 0, 2, 0, 0, 1, 0, 0, 0, 1);
  /** Rows of a vouchers-only order (index = rows). */
  static final Weighted VOUCHER_ROWS = Weighted.of(0, 0, 16, 3, 3, 0, 1, 0, 1, 1, 3, 3, 3, 2, 1, 1, 0, 0, 0, 0,
      0, 1, 0, 0, 0, 0, 0, 0, 0, 1);

  /** Share of a card-and-vouchers order paid by its vouchers. */
  static final Quantiles VOUCHER_SHARE = Quantiles.of(0.026, 0.062, 0.133, 0.212, 0.311, 0.433, 0.475, 0.556,
      0.601, 0.644, 0.688, 0.723, 0.742, 0.785, 0.82, 0.862, 0.905, 0.944, 0.955, 0.965, 0.986, 0.998, 0.999);
  /** Share of a two-card order paid by the first card. */
  static final Quantiles FIRST_CARD_SHARE = Quantiles.of(0.219, 0.239, 0.344, 0.459, 0.469, 0.484, 0.489,
      0.498, 0.5, 0.5, 0.5, 0.501, 0.502, 0.536, 0.552, 0.608, 0.685, 0.747, 0.818, 0.858, 0.923, 0.973, 0.979);

  /** Credit-card installments (index = installments) by the row's value: dearer rows are paid in more parts. */
  static final double[] INSTALLMENT_BANDS = {50, 100, 200, 500};
  static final List<Weighted> INSTALLMENTS = List.of(
      Weighted.of(0, 647, 154, 147, 110),
      Weighted.of(0, 751, 298, 246, 116, 163, 93, 50, 53, 24),
      Weighted.of(0, 418, 427, 307, 184, 169, 108, 50, 101, 10, 155, 3, 7, 2, 2, 0, 0, 1),
      Weighted.of(0, 147, 105, 155, 153, 105, 79, 21, 141, 9, 170, 0, 7, 0, 0, 2, 0, 0, 0, 0, 1, 1),
      Weighted.of(0, 30, 18, 24, 17, 20, 38, 11, 69, 9, 122, 0, 1, 0, 0, 3, 0, 0, 0, 0, 1));
}
