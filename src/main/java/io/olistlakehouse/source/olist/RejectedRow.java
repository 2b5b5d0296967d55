package io.olistlakehouse.source.olist;

/**
 * Thrown while mapping a row that cannot be used; the table reader turns it into a rejection and goes on. No stack
 * trace: it is control flow for bad data, which can be frequent.
 */
final class RejectedRow extends Exception {

  RejectedRow(String reason) {
    super(reason, null, false, false);
  }
}
