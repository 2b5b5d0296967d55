package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;
import java.util.EnumMap;
import java.util.Map;

/** Which master entities (customers, products, sellers, zip prefixes) have been published already. */
final class FirstReferences {

  private final Map<BronzeStream, EntityIdSet> seen = new EnumMap<>(BronzeStream.class);

  /** True the first time an entity of this stream is referenced, false ever after. */
  boolean firstTime(BronzeStream stream, String id) {
    return seen.computeIfAbsent(stream, s -> new EntityIdSet()).add(id);
  }
}
