package io.olistlakehouse.bench.chaos;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.DeadLetterReason;
import io.olistlakehouse.replay.BronzeRecords;
import io.olistlakehouse.replay.DerivationSettings;
import io.olistlakehouse.replay.EventStream;
import io.olistlakehouse.replay.ReplayEvent;
import io.olistlakehouse.replay.ReplayProducers;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.replay.StatusChange;
import io.olistlakehouse.serde.ConfluentAvroSerializer;
import io.olistlakehouse.serde.ConfluentWireFormat;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.source.OrderSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The {@code bad-input} scenario's records, sent into the run's topics by a producer of their own (not the
 * replayer's transactions): one of each kind bronze must dead-letter, a duplicate of the first event of every
 * stream, orphans (an item, a payment and a review of orders that never arrive) and an order event older than the
 * speed layer's allowed lateness. {@link Injected} says what each table must hold on top of the source's truth.
 */
final class BadInput {

  /** Far enough before the source's first event that any allowed lateness the speed layer is given is exceeded. */
  private static final Instant LATE_EVENT_TIME = Instant.parse("1990-01-01T00:00:00Z");
  private static final String ORPHAN_ORDER = "chaos-orphan-";
  private static final String LATE_ORDER = "chaos-late-order";
  /** Streams the speed layer reads: their dead letters reach its late_events too. */
  private static final Set<BronzeStream> SPEED_STREAMS = Set.of(BronzeStream.ORDER_STATUS, BronzeStream.ORDER_ITEM,
      BronzeStream.ESTIMATED_DELIVERY_DATE, BronzeStream.PAYMENT);

  /**
   * What was sent beyond the source, as the tables must show it.
   *
   * @param landed valid records per stream that bronze lands: duplicates, orphans, the late event
   * @param deadLetters undecodable records per reason
   * @param speedDeadLetters those of them on the speed layer's topics
   * @param lateEvents events the speed layer must refuse as late (its order is older than the lateness)
   * @param extraSpeedOrders orders the speed layer opens that the source does not have (an orphan item)
   * @param extraKpiOrders purchases counted again (a duplicate purchase)
   * @param extraKpiItems items counted again or without an order (a duplicate, an orphan)
   */
  record Injected(Map<BronzeStream, Long> landed, Map<DeadLetterReason, Long> deadLetters, long speedDeadLetters,
      long lateEvents, long extraSpeedOrders, long extraKpiOrders, long extraKpiItems) {

    static final Injected NONE = new Injected(Map.of(), Map.of(), 0, 0, 0, 0, 0);

    long landed(BronzeStream stream) {
      return landed.getOrDefault(stream, 0L);
    }

    long deadLettered() {
      return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }

    long records() {
      return landed.values().stream().mapToLong(Long::longValue).sum() + deadLettered();
    }

    /** Both sendings together (bad input and the evolution scenario's records). */
    Injected plus(Injected other) {
      Map<BronzeStream, Long> allLanded = new EnumMap<>(BronzeStream.class);
      allLanded.putAll(landed);
      other.landed.forEach((stream, n) -> allLanded.merge(stream, n, Long::sum));
      Map<DeadLetterReason, Long> allDeadLetters = new EnumMap<>(DeadLetterReason.class);
      allDeadLetters.putAll(deadLetters);
      other.deadLetters.forEach((reason, n) -> allDeadLetters.merge(reason, n, Long::sum));
      return new Injected(Map.copyOf(allLanded), Map.copyOf(allDeadLetters), speedDeadLetters + other.speedDeadLetters,
          lateEvents + other.lateEvents, extraSpeedOrders + other.extraSpeedOrders,
          extraKpiOrders + other.extraKpiOrders, extraKpiItems + other.extraKpiItems);
    }

    /** The batch layer holds every order any order event names, the late one too. */
    long extraGoldOrders() {
      return extraSpeedOrders + lateEvents;
    }
  }

  private final LakehouseConfig run;
  private final ReplayTopics topics;
  private final Map<BronzeStream, Long> landed = new EnumMap<>(BronzeStream.class);
  private final Map<DeadLetterReason, Long> deadLetters = new EnumMap<>(DeadLetterReason.class);
  private long speedDeadLetters;
  private long lateEvents;
  private long orphanItems;
  private long duplicatePurchases;
  private long duplicateItems;

  BadInput(LakehouseConfig run, ReplayTopics topics) {
    this.run = run;
    this.topics = topics;
  }

  Injected inject(OrderSource source) {
    Map<BronzeStream, ReplayEvent> first = firstEvents(source, run);
    SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(run);
    ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry);
    long now = System.currentTimeMillis();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ReplayProducers.tuning(run),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      // Duplicates: the first event of every stream sent again, as a producer retrying outside a transaction would.
      for (ReplayEvent e : first.values()) {
        send(producer, e.stream(), key(e.key()), encode(serializer, e.stream(), BronzeRecords.of(e, now)));
        duplicatePurchases += e.stream() == BronzeStream.ORDER_STATUS ? 1 : 0;
        duplicateItems += e.stream() == BronzeStream.ORDER_ITEM ? 1 : 0;
      }
      // Orphans: an item, a payment and a review naming orders that never arrive.
      for (BronzeStream stream : List.of(BronzeStream.ORDER_ITEM, BronzeStream.PAYMENT, BronzeStream.REVIEW)) {
        GenericRecord orphan = BronzeRecords.of(first.get(stream), now);
        String order = ORPHAN_ORDER + stream.streamName();
        orphan.put("order_id", order);
        if (stream == BronzeStream.REVIEW) {
          orphan.put("review_id", order);
        }
        send(producer, stream, key(order), encode(serializer, stream, orphan));
        orphanItems += stream == BronzeStream.ORDER_ITEM ? 1 : 0;
      }
      // Late: an order event from long before the speed layer's clock minus its allowed lateness.
      GenericRecord late = BronzeRecords.of(first.get(BronzeStream.ORDER_STATUS), now);
      late.put("order_id", LATE_ORDER);
      late.put("status", StatusChange.APPROVED);
      late.put("event_time", LATE_EVENT_TIME.toEpochMilli());
      send(producer, BronzeStream.ORDER_STATUS, key(LATE_ORDER), encode(serializer, BronzeStream.ORDER_STATUS, late));
      lateEvents++;

      byte[] payment = encode(serializer, BronzeStream.PAYMENT, BronzeRecords.of(first.get(BronzeStream.PAYMENT), now));
      byte[] item = encode(serializer, BronzeStream.ORDER_ITEM,
          BronzeRecords.of(first.get(BronzeStream.ORDER_ITEM), now));
      byte[] badKey = key("chaos-bad-record");
      deadLetter(producer, BronzeStream.PAYMENT, badKey, "{\"order_id\":\"not avro\"}".getBytes(StandardCharsets.UTF_8),
          DeadLetterReason.NOT_WIRE_FORMAT);
      deadLetter(producer, BronzeStream.PAYMENT, badKey, ConfluentWireFormat.frame(Integer.MAX_VALUE - 7,
          Arrays.copyOfRange(payment, ConfluentWireFormat.HEADER_SIZE, payment.length)),
          DeadLetterReason.UNKNOWN_SCHEMA_ID);
      deadLetter(producer, BronzeStream.ORDER_ITEM, badKey, Arrays.copyOf(item, item.length - 4),
          DeadLetterReason.CORRUPT_BODY);
      deadLetter(producer, BronzeStream.PAYMENT, badKey, serializer.serialize(topics.prefix() + "chaos-wrong-types",
          paymentWithNumericOrderId()), DeadLetterReason.INCOMPATIBLE_SCHEMA);
      deadLetter(producer, BronzeStream.PAYMENT, null, payment, DeadLetterReason.MISSING_KEY);
      deadLetter(producer, BronzeStream.REVIEW, badKey, null, DeadLetterReason.MISSING_VALUE);
      producer.flush();
    }
    // An orphan item opens an order in both layers (its shipping limit is an order milestone); an orphan payment
    // or review does not.
    return new Injected(Map.copyOf(landed), Map.copyOf(deadLetters), speedDeadLetters, lateEvents, orphanItems,
        duplicatePurchases, duplicateItems + orphanItems);
  }

  /** The first event of every stream, and for order_status the first purchase. */
  private static Map<BronzeStream, ReplayEvent> firstEvents(OrderSource source, LakehouseConfig config) {
    Map<BronzeStream, ReplayEvent> first = new EnumMap<>(BronzeStream.class);
    EventStream events = new EventStream(source, DerivationSettings.fromConfig(config));
    while (events.hasNext() && first.size() < BronzeStream.values().length) {
      ReplayEvent e = events.next();
      boolean wanted = !(e.payload() instanceof StatusChange s) || StatusChange.PURCHASE.equals(s.status());
      if (wanted) {
        first.putIfAbsent(e.stream(), e);
      }
    }
    if (first.size() < BronzeStream.values().length) {
      throw new IllegalStateException("the source has no event of some streams: " + first.keySet());
    }
    return first;
  }

  private byte[] encode(ConfluentAvroSerializer serializer, BronzeStream stream, GenericRecord record) {
    return serializer.serialize(topics.topic(stream), record);
  }

  private void send(KafkaProducer<byte[], byte[]> producer, BronzeStream stream, byte[] key, byte[] value) {
    producer.send(new ProducerRecord<>(topics.topic(stream), key, value));
    landed.merge(stream, 1L, Long::sum);
  }

  private void deadLetter(KafkaProducer<byte[], byte[]> producer, BronzeStream stream, byte[] key, byte[] value,
      DeadLetterReason reason) {
    producer.send(new ProducerRecord<>(topics.topic(stream), key, value));
    deadLetters.merge(reason, 1L, Long::sum);
    if (SPEED_STREAMS.contains(stream)) {
      speedDeadLetters++;
    }
  }

  private static byte[] key(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  /** Wrong types: a Payment whose order_id is a number, registered under a subject of its own. */
  private static GenericRecord paymentWithNumericOrderId() {
    Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":"
        + "\"io.olistlakehouse.bronze\",\"fields\":[{\"name\":\"order_id\",\"type\":\"long\"}]}");
    GenericRecord r = new GenericData.Record(schema);
    r.put("order_id", 17L);
    return r;
  }
}
