package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;

/**
 * Told of each event on the publishing thread the moment it is handed to the producer: inside its transaction, so
 * not yet visible to read_committed readers. For measurements (the freshness bench samples purchases); it must be
 * cheap, since it runs once per event.
 */
@FunctionalInterface
public interface SendListener {

  SendListener NONE = (stream, key, opensOrder) -> { };

  /** {@code key} is the record key (the order id for order-scoped streams); {@code opensOrder}: a purchase event. */
  void sent(BronzeStream stream, byte[] key, boolean opensOrder);
}
