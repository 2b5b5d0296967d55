package io.olistlakehouse.bench.chaos;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.replay.DerivationSettings;
import io.olistlakehouse.replay.EventStream;
import io.olistlakehouse.replay.ReplayEvent;
import io.olistlakehouse.replay.StatusChange;
import io.olistlakehouse.source.OrderSource;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the pipeline must end up holding, computed from the source alone: the events the source yields per stream
 * (the replayer's own derivation, run here without Kafka), the orders and the item lines. No job output is read.
 */
public record SourceTruth(Map<BronzeStream, Long> eventsPerStream, long orders, long items) {

  public static SourceTruth of(OrderSource source, LakehouseConfig config) {
    Map<BronzeStream, Long> events = new EnumMap<>(BronzeStream.class);
    for (BronzeStream stream : BronzeStream.values()) {
      events.put(stream, 0L);
    }
    long orders = 0;
    EventStream stream = new EventStream(source, DerivationSettings.fromConfig(config));
    while (stream.hasNext()) {
      ReplayEvent event = stream.next();
      events.merge(event.stream(), 1L, Long::sum);
      if (event.payload() instanceof StatusChange change && StatusChange.PURCHASE.equals(change.status())) {
        orders++;
      }
    }
    return new SourceTruth(Map.copyOf(events), orders, events.get(BronzeStream.ORDER_ITEM));
  }

  public long events() {
    return eventsPerStream.values().stream().mapToLong(Long::longValue).sum();
  }
}
