package io.olistlakehouse.bench.connect;

import io.olistlakehouse.serde.ConfluentAvroDeserializer;
import io.olistlakehouse.serde.SchemaRegistryClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A Kafka Connect converter for our topics, standing in for Confluent's AvroConverter (not on Maven Central): the
 * Confluent wire format is read by our own serde (writer schema from the registry by id), and the Avro record is
 * mapped to a Connect Struct by {@link AvroConnectMapping}. Configured like Confluent's, with
 * {@code schema.registry.url}. Read-only: the bench runs it under a sink, which never converts to bytes.
 */
public final class ContractAvroConverter implements Converter {

  private final ConfluentAvroDeserializer deserializer;
  // Keyed by the writer schema instance the deserializer caches per id: lookups hit the identity check.
  private final Map<org.apache.avro.Schema, AvroConnectMapping.Mapped> compiled = new ConcurrentHashMap<>();

  /** For Kafka Connect, which then calls {@link #configure}. */
  public ContractAvroConverter() {
    this.deserializer = new ConfluentAvroDeserializer();
  }

  /** With a registry client of its own (tests). */
  public ContractAvroConverter(SchemaRegistryClient client) {
    this.deserializer = new ConfluentAvroDeserializer(client);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    deserializer.configure(configs, isKey);
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    GenericRecord record;
    try {
      record = deserializer.deserialize(topic, value);
    } catch (SerializationException e) {
      throw new DataException("cannot read a record of " + topic + ": " + e.getMessage(), e);
    }
    AvroConnectMapping.Mapped mapped = compiled.computeIfAbsent(record.getSchema(), AvroConnectMapping::compile);
    return new SchemaAndValue(mapped.schema(), mapped.map(record));
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    throw new DataException(getClass().getSimpleName() + " only reads (it serves sink connectors)");
  }
}
