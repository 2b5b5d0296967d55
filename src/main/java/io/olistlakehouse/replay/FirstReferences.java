package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;

/** Which master entities (customers, products, sellers, zip prefixes) have been published already. */
final class FirstReferences {

  private final EntityIdSet[] seen = new EntityIdSet[BronzeStream.values().length];

  /** True the first time an entity of this stream is referenced, false ever after. */
  boolean firstTime(BronzeStream stream, String id) {
    EntityIdSet ids = seen[stream.ordinal()];
    if (ids == null) {
      ids = seen[stream.ordinal()] = new EntityIdSet();
    }
    return ids.add(id);
  }
}
