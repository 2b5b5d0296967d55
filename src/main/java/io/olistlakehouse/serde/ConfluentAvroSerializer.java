package io.olistlakehouse.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes {@link GenericRecord}s in the Confluent wire format, readable by any Confluent deserializer. The subject
 * follows TopicNameStrategy ({@code <topic>-value} / {@code <topic>-key}); the record's schema is registered on
 * first use ({@code auto.register.schemas}, default true) or else looked up, and its id cached.
 */
public class ConfluentAvroSerializer implements Serializer<GenericRecord> {

  public static final String AUTO_REGISTER_CONFIG = "auto.register.schemas";

  private record SubjectSchema(String subject, Schema schema) {
  }

  private SchemaRegistryClient client;
  private boolean isKey;
  private boolean autoRegister = true;
  private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
  private final Map<Schema, GenericDatumWriter<GenericRecord>> writers = new ConcurrentHashMap<>();

  /** For Kafka, which calls {@link #configure} with {@code schema.registry.url}. */
  public ConfluentAvroSerializer() {
  }

  /** A value serializer that auto-registers. */
  public ConfluentAvroSerializer(SchemaRegistryClient client) {
    this(client, false, true);
  }

  public ConfluentAvroSerializer(SchemaRegistryClient client, boolean isKey, boolean autoRegister) {
    this.client = client;
    this.isKey = isKey;
    this.autoRegister = autoRegister;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    this.client = SerdeConfigs.client(configs);
    Object auto = configs.get(AUTO_REGISTER_CONFIG);
    this.autoRegister = auto == null || Boolean.parseBoolean(auto.toString());
  }

  @Override
  public byte[] serialize(String topic, GenericRecord record) {
    if (record == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException("serializer not configured: pass a SchemaRegistryClient or "
          + SerdeConfigs.URL_CONFIG);
    }
    Schema schema = record.getSchema();
    String subject = SerdeConfigs.subject(topic, isKey);
    int id = ids.computeIfAbsent(new SubjectSchema(subject, schema), k -> schemaId(k.subject(), k.schema()));
    // Header and body go into one buffer sized for typical records: no growing, no copy to re-frame.
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(ConfluentWireFormat.MAGIC_BYTE);
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write(id >>> shift);
    }
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writers.computeIfAbsent(schema, s -> new GenericDatumWriter<>(s, AvroData.get())).write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode a " + schema.getFullName() + " record for topic " + topic
          + " with schema id " + id + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private int schemaId(String subject, Schema schema) {
    try {
      return autoRegister ? client.register(subject, schema) : client.lookup(subject, schema).id();
    } catch (SchemaRegistryException e) {
      throw new SerializationException("cannot " + (autoRegister ? "register" : "look up") + " schema "
          + schema.getFullName() + " under subject " + subject + ": " + e.getMessage(), e);
    }
  }
}
