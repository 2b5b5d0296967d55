package io.olistlakehouse.serde;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format payloads into {@link GenericRecord}s: the writer schema comes from the registry by the
 * id in the payload (cached); with a reader schema, data is resolved into it (Avro schema evolution), otherwise it is
 * read as written. Undecodable payloads throw {@link WireFormatException}; an unreachable registry throws a plain
 * {@link SerializationException} (transient, not the record's fault).
 */
public class ConfluentAvroDeserializer implements Deserializer<GenericRecord> {

  /** Optional configuration: the reader schema as Avro JSON. */
  public static final String READER_SCHEMA_CONFIG = "avro.reader.schema";

  private SchemaRegistryClient client;
  private Schema readerSchema;
  private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();

  /** For Kafka, which calls {@link #configure} with {@code schema.registry.url}. */
  public ConfluentAvroDeserializer() {
  }

  /** Reads records as they were written. */
  public ConfluentAvroDeserializer(SchemaRegistryClient client) {
    this(client, null);
  }

  /** Resolves records into {@code readerSchema} (null: as written). */
  public ConfluentAvroDeserializer(SchemaRegistryClient client, Schema readerSchema) {
    this.client = client;
    this.readerSchema = readerSchema;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.client = SerdeConfigs.client(configs);
    Object reader = configs.get(READER_SCHEMA_CONFIG);
    this.readerSchema = reader == null ? null : new Schema.Parser().parse(reader.toString());
  }

  @Override
  public GenericRecord deserialize(String topic, byte[] payload) {
    if (payload == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException("deserializer not configured: pass a SchemaRegistryClient or "
          + SerdeConfigs.URL_CONFIG);
    }
    int id = ConfluentWireFormat.schemaId(payload);
    GenericDatumReader<GenericRecord> reader = readers.computeIfAbsent(id, this::readerFor);
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, ConfluentWireFormat.HEADER_SIZE,
        payload.length - ConfluentWireFormat.HEADER_SIZE, null);
    GenericRecord record;
    try {
      record = reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw WireFormatException.corruptBody(id, e);
    }
    try {
      // Bytes left over mean the body was not written with this schema; reading "successfully" would be a lie.
      int left = decoder.inputStream().available();
      if (left > 0) {
        throw WireFormatException.trailingBytes(id, left);
      }
    } catch (IOException e) {
      throw WireFormatException.corruptBody(id, e);
    }
    return record;
  }

  private GenericDatumReader<GenericRecord> readerFor(int id) {
    Schema writer = writerSchema(id);
    if (readerSchema == null) {
      return new GenericDatumReader<>(writer, writer, AvroData.get());
    }
    var result = SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer).getResult();
    if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      List<String> problems = result.getIncompatibilities().stream()
          .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage()).toList();
      throw WireFormatException.unreadable(id, readerSchema.getFullName(),
          problems.stream().collect(Collectors.joining("; ")));
    }
    return new GenericDatumReader<>(writer, readerSchema, AvroData.get());
  }

  private Schema writerSchema(int id) {
    try {
      return client.schemaById(id);
    } catch (SchemaRegistryException e) {
      if (e.status() == 404) {
        throw WireFormatException.unknownSchemaId(id, "the registry has no such schema (" + e.registryMessage() + ")");
      }
      throw new SerializationException("cannot fetch writer schema id " + id + " from the schema registry: "
          + e.getMessage(), e);
    }
  }
}
