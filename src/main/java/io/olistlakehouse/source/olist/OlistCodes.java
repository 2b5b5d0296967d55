package io.olistlakehouse.source.olist;

import java.util.Set;

/** The enumerations of the Olist dataset: every value that occurs in the full Kaggle files. */
public final class OlistCodes {

  public static final Set<String> ORDER_STATUSES = Set.of(
      "created", "approved", "invoiced", "processing", "shipped", "delivered", "canceled", "unavailable");

  public static final Set<String> PAYMENT_TYPES = Set.of(
      "credit_card", "boleto", "voucher", "debit_card", "not_defined");

  public static final int MIN_REVIEW_SCORE = 1;
  public static final int MAX_REVIEW_SCORE = 5;

  private OlistCodes() {}
}
