package io.olistlakehouse.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
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

  /** How records of one schema are written, and the schema's id per topic (looked up once per topic). */
  private final class SchemaWriter {
    private final Schema schema;
    private final FlatRecordWriter flat;
    private final GenericDatumWriter<GenericRecord> generic;
    private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();

    SchemaWriter(Schema schema) {
      this.schema = schema;
      this.flat = FlatRecordWriter.compile(schema).orElse(null);
      this.generic = flat == null ? new GenericDatumWriter<>(schema, AvroData.get()) : null;
    }

    int id(String topic) {
      return idsByTopic.computeIfAbsent(topic, t -> schemaId(SerdeConfigs.subject(t, isKey), schema));
    }

    void write(GenericRecord record, BinaryEncoder out) throws IOException {
      if (flat != null) {
        flat.write(record, out);
      } else {
        generic.write(record, out);
      }
    }
  }

  private SchemaRegistryClient client;
  private boolean isKey;
  private boolean autoRegister = true;
  private final Map<Schema, SchemaWriter> writers = new ConcurrentHashMap<>();
  /** Kafka may call a serializer from several threads: each gets its own buffer and encoder. */
  private static final ThreadLocal<Frame> FRAMES = ThreadLocal.withInitial(Frame::new);

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
    SchemaWriter writer = writers.get(schema);
    if (writer == null) {
      writer = writers.computeIfAbsent(schema, SchemaWriter::new);
    }
    int id = writer.id(topic);
    Frame frame = FRAMES.get();
    frame.start(id);
    try {
      writer.write(record, frame.encoder);
      return frame.finish();
    } catch (IOException | RuntimeException e) {
      frame.reset();
      throw new SerializationException("cannot encode a " + schema.getFullName() + " record for topic " + topic
          + " with schema id " + id + ": " + e.getMessage(), e);
    }
  }

  /**
   * One thread's reusable output: a buffered encoder over an unsynchronized buffer. Avro's direct encoder over a
   * ByteArrayOutputStream takes a lock per byte written, which was the largest single cost of the replay's
   * serialization.
   */
  private static final class Frame extends OutputStream {
    private byte[] bytes = new byte[512];
    private int length;
    private BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(this, null);

    void start(int schemaId) {
      length = 0;
      write(ConfluentWireFormat.MAGIC_BYTE);
      for (int shift = 24; shift >= 0; shift -= 8) {
        write(schemaId >>> shift);
      }
    }

    byte[] finish() throws IOException {
      encoder.flush();
      return Arrays.copyOf(bytes, length);
    }

    /** After a failed write the encoder may hold half a record: start over with a fresh one. */
    void reset() {
      length = 0;
      encoder = EncoderFactory.get().binaryEncoder(this, null);
    }

    @Override
    public void write(int b) {
      ensure(1);
      bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, length, len);
      length += len;
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
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
