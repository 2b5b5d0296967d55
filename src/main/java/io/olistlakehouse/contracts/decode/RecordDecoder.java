package io.olistlakehouse.contracts.decode;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.serde.ConfluentAvroDeserializer;
import io.olistlakehouse.serde.ConfluentWireFormat;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.serde.WireFormatException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns one Kafka record of a bronze topic into its data resolved into the stream's reader schema (its contract, or
 * the contract widened by a newer version's fields, see {@link ReaderSchemas}) and encoded for where it goes next, or
 * into a dead letter saying why not. The writer's schema comes from the registry by the id in the payload.
 * A registry that cannot be reached is not the record's fault: that error propagates and fails the batch, so the
 * record is retried rather than dead-lettered. Not thread-safe (one per decoding thread, see {@link JvmDecoders}).
 */
public final class RecordDecoder {

  /** Encodes a record resolved into its stream's contract; a value that does not fit is a RejectedRecordException. */
  @FunctionalInterface
  public interface ResolvedEncoder<T> {
    T encode(BronzeStream stream, GenericRecord resolved);
  }

  private final BronzeTopics topics;
  private final SchemaRegistryClient registry;
  private final Map<BronzeStream, ConfluentAvroDeserializer> deserializers = new EnumMap<>(BronzeStream.class);
  private final Map<BronzeStream, ContractEncoder> encoders = new EnumMap<>(BronzeStream.class);
  private final Map<BronzeStream, Map<Integer, List<String>>> conformance = new EnumMap<>(BronzeStream.class);

  public RecordDecoder(SchemaRegistryClient registry, BronzeTopics topics) {
    this(registry, topics, ReaderSchemas.contracts());
  }

  public RecordDecoder(SchemaRegistryClient registry, BronzeTopics topics, ReaderSchemas readers) {
    this.registry = registry;
    this.topics = topics;
    for (BronzeStream stream : BronzeStream.values()) {
      deserializers.put(stream, new ConfluentAvroDeserializer(registry, readers.schema(stream)));
      encoders.put(stream, new ContractEncoder(BronzeContracts.schema(stream)));
      conformance.put(stream, new HashMap<>());
    }
  }

  /**
   * The record as its contract's Avro binary, which Spark's {@code from_avro} turns into columns (a widened reader's
   * added fields come after the contract's and are left out).
   */
  public DecodeResult<byte[]> decode(String topic, byte[] key, byte[] value) {
    return decode(topic, key, value, (stream, resolved) -> encoders.get(stream).encode(resolved));
  }

  public <T> DecodeResult<T> decode(String topic, byte[] key, byte[] value, ResolvedEncoder<T> encoder) {
    Optional<BronzeStream> found = topics.streamOf(topic);
    if (found.isEmpty()) {
      return DecodeResult.deadLetter(null, schemaIdOrNull(value), DeadLetterReason.UNKNOWN_TOPIC,
          new RejectedRecordException(DeadLetterReason.UNKNOWN_TOPIC,
              "topic '" + topic + "' is not one of the bronze topics " + topics.all()));
    }
    BronzeStream stream = found.get();
    Integer schemaId = schemaIdOrNull(value);
    try {
      if (key == null || key.length == 0) {
        throw new RejectedRecordException(DeadLetterReason.MISSING_KEY, "record without a key on " + topic
            + ": bronze events are keyed by the id that orders them (order_id for order events)");
      }
      if (value == null) {
        throw new RejectedRecordException(DeadLetterReason.MISSING_VALUE, "record without a value (tombstone) on "
            + topic + ": bronze streams are append-only events");
      }
      GenericRecord resolved = deserializers.get(stream).deserialize(topic, value);
      requireConformance(stream, schemaId);
      return DecodeResult.landed(stream, schemaId, encoder.encode(stream, resolved));
    } catch (WireFormatException e) {
      return DecodeResult.deadLetter(stream, schemaId, DeadLetterReason.of(e), e);
    } catch (RejectedRecordException e) {
      return DecodeResult.deadLetter(stream, schemaId, e.reason(), e);
    }
  }

  private void requireConformance(BronzeStream stream, int schemaId) {
    List<String> problems = conformance.get(stream).computeIfAbsent(schemaId,
        id -> ContractConformance.problems(registry.schemaById(id), BronzeContracts.schema(stream)));
    if (!problems.isEmpty()) {
      throw new RejectedRecordException(DeadLetterReason.OUT_OF_CONTRACT, "schema id " + schemaId
          + " does not mean what contract " + BronzeContracts.schema(stream).getFullName() + " says: "
          + String.join("; ", problems));
    }
  }

  /** The schema id of a framed payload, null when it is not framed (so dead letters can name it when known). */
  static Integer schemaIdOrNull(byte[] value) {
    if (value == null || value.length < ConfluentWireFormat.HEADER_SIZE
        || value[0] != ConfluentWireFormat.MAGIC_BYTE) {
      return null;
    }
    return ByteBuffer.wrap(value, 1, 4).getInt();
  }
}
