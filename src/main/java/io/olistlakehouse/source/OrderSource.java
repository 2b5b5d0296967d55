package io.olistlakehouse.source;

import io.olistlakehouse.source.model.OrderBundle;
import java.util.Iterator;

/**
 * A stream of orders in purchase-time order (ties broken by order id), each with what it references: the Olist CSVs
 * or the synthetic generator. Implementations keep memory bounded where they can (the generator does at any scale).
 */
public interface OrderSource extends Iterator<OrderBundle>, AutoCloseable {

  /** How many orders this source yields in all (known up front, for progress and percentages). */
  long orderCount();

  /** A stable description of the source's content (file checksums, or generator parameters and seed). */
  String fingerprint();

  /** Rows rejected while reading, with file, line and reason; empty for the generator. */
  Rejections rejections();

  @Override
  void close();
}
