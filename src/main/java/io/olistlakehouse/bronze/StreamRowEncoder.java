package io.olistlakehouse.bronze;

import io.olistlakehouse.bronze.TableRowEncoder.EncodedRow;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.BronzeColumns;
import io.olistlakehouse.contracts.decode.DeadLetterReason;
import io.olistlakehouse.contracts.decode.KafkaCoordinates;
import io.olistlakehouse.contracts.decode.RejectedRecordException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.iceberg.shaded.org.apache.avro.Schema;
import org.apache.iceberg.shaded.org.apache.avro.SchemaNormalization;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * Encodes the rows of a stream's table straight from records resolved into the stream's reader schema (its contract,
 * or the contract widened by a newer version's fields): each row is the
 * Avro binary of the table's schema as Iceberg writes its Avro files, in the single-object format (whose header names
 * the schema) that Iceberg's {@code IcebergDecoder} reads, with the path of the row's partition. No Iceberg record is
 * built in between: values go from the contract's representation to Iceberg's internal one (timestamps as epoch
 * microseconds) and into the row, and the partition is computed from those same values. Columns are matched by name,
 * so a table that kept a column a newer contract dropped gets null there. Not thread-safe: one per task.
 */
final class StreamRowEncoder implements StructLike {

  /** Where a column's value comes from, in Iceberg's internal representation (null when absent). */
  private interface Source {
    Object value(GenericRecord contract, KafkaCoordinates kafka);
  }

  /** Writes a non-null internal value as the column's Avro type. */
  private interface ValueWriter {
    void write(Object value, BinaryEncoder out) throws IOException;
  }

  private static final byte[] SINGLE_OBJECT_MARKER = {(byte) 0xC3, (byte) 0x01};

  private final String table;
  private final Table layout;
  private final String[] names;
  private final Source[] sources;
  private final ValueWriter[] writers;
  /** Per column, the union branch of null and of a value; -1 for a required column. */
  private final int[] nullBranch;
  private final int[] valueBranch;
  private final Object[] values;
  private final byte[] header;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
  private final BinaryEncoder out = EncoderFactory.get().directBinaryEncoder(buffer, null);
  private final RecordPartitions partitions;
  private PartitionKey lastKey;
  private String lastPath;

  /** @param reader the schema the records come resolved into; its fields fill the table's columns of their name */
  StreamRowEncoder(BronzeStream stream, org.apache.avro.Schema reader, Table layout) {
    this.table = stream.streamName();
    this.layout = layout;
    Schema avro = AvroSchemaUtil.convert(layout.schema(), "table"); // the name IcebergEncoder gives it
    List<Types.NestedField> columns = layout.schema().columns();
    int n = columns.size();
    this.names = new String[n];
    this.sources = new Source[n];
    this.writers = new ValueWriter[n];
    this.nullBranch = new int[n];
    this.valueBranch = new int[n];
    this.values = new Object[n];
    for (int i = 0; i < n; i++) {
      Types.NestedField column = columns.get(i);
      Schema field = avro.getFields().get(i).schema();
      names[i] = column.name();
      sources[i] = source(column, reader.getField(column.name()));
      writers[i] = writer(column.type());
      nullBranch[i] = -1;
      valueBranch[i] = -1;
      if (field.getType() == Schema.Type.UNION) {
        List<Schema> branches = field.getTypes();
        for (int b = 0; b < branches.size(); b++) {
          if (branches.get(b).getType() == Schema.Type.NULL) {
            nullBranch[i] = b;
          } else {
            valueBranch[i] = b;
          }
        }
      }
    }
    this.header = header(avro);
    this.partitions = new RecordPartitions(layout);
  }

  /** Throws {@link RejectedRecordException} when a value does not fit its column (a decimal too wide, say). */
  EncodedRow encode(GenericRecord contract, KafkaCoordinates kafka) {
    buffer.reset();
    int column = 0;
    try {
      buffer.write(header);
      for (; column < values.length; column++) {
        Object value = sources[column] == null ? null : sources[column].value(contract, kafka);
        values[column] = value;
        write(column, value);
      }
      out.flush();
    } catch (IOException | RuntimeException e) {
      String where = column < names.length ? " (column " + names[column] + ")" : "";
      throw new RejectedRecordException(DeadLetterReason.OUT_OF_CONTRACT, "value does not fit table "
          + layout.name() + where + ": " + e.getMessage(), e);
    }
    return new EncodedRow(table, partitionPath(), buffer.toByteArray());
  }

  private void write(int column, Object value) throws IOException {
    if (value == null) {
      if (nullBranch[column] < 0) {
        throw new IllegalArgumentException("the column is required but the record has no value");
      }
      out.writeIndex(nullBranch[column]);
      return;
    }
    if (valueBranch[column] >= 0) {
      out.writeIndex(valueBranch[column]);
    }
    writers[column].write(value, out);
  }

  private String partitionPath() {
    PartitionKey key = partitions.keyOfInternal(this);
    // Consecutive records of a Kafka partition mostly share a day: format the path only when it changes.
    if (!key.equals(lastKey)) {
      lastKey = key.copy();
      lastPath = partitions.path(lastKey);
    }
    return lastPath;
  }

  // The row just encoded, as Iceberg's partitioning reads it: internal values by column position.

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public <T> T get(int pos, Class<T> javaClass) {
    return javaClass.cast(values[pos]);
  }

  @Override
  public <T> void set(int pos, T value) {
    throw new UnsupportedOperationException("the encoded row is read-only");
  }

  private static Source source(Types.NestedField column, org.apache.avro.Schema.Field field) {
    Source coordinate = coordinate(column);
    if (coordinate != null || field == null) {
      return coordinate;
    }
    int position = field.pos();
    boolean millis = nonNull(field.schema()).getLogicalType() instanceof LogicalTypes.TimestampMillis;
    return switch (column.type().typeId()) {
      case TIMESTAMP -> (contract, kafka) -> {
        Object v = contract.get(position);
        return v == null ? null : micros(((Number) v).longValue(), millis);
      };
      case DECIMAL -> {
        int scale = ((Types.DecimalType) column.type()).scale();
        // Exact or refused: setScale throws rather than round.
        yield (contract, kafka) -> {
          Object v = contract.get(position);
          return v == null ? null : ((BigDecimal) v).setScale(scale);
        };
      }
      default -> (contract, kafka) -> contract.get(position);
    };
  }

  /** The source of a Kafka-coordinate column, null for any other column. */
  private static Source coordinate(Types.NestedField column) {
    return switch (column.name()) {
      case BronzeColumns.KAFKA_TOPIC -> new Source() {
        private String topic;
        private Utf8 encoded;

        @Override
        public Object value(GenericRecord contract, KafkaCoordinates kafka) {
          if (!kafka.topic().equals(topic)) { // a task reads one topic: encode its name once
            topic = kafka.topic();
            encoded = new Utf8(topic);
          }
          return encoded;
        }
      };
      case BronzeColumns.KAFKA_PARTITION -> (contract, kafka) -> kafka.partition();
      case BronzeColumns.KAFKA_OFFSET -> (contract, kafka) -> kafka.offset();
      case BronzeColumns.KAFKA_TIMESTAMP -> (contract, kafka) -> micros(kafka.timestampMillis(), true);
      default -> null;
    };
  }

  private static long micros(long value, boolean millis) {
    return millis ? Math.multiplyExact(value, 1_000L) : value;
  }

  /** Writes an internal value as Iceberg's Avro files hold the column's type. */
  private static ValueWriter writer(Type type) {
    return switch (type.typeId()) {
      case STRING -> (v, out) -> {
        if (v instanceof Utf8 utf8) {
          out.writeString(utf8);
        } else {
          out.writeString(v.toString());
        }
      };
      case INTEGER, DATE -> (v, out) -> out.writeInt(((Number) v).intValue());
      case LONG, TIMESTAMP -> (v, out) -> out.writeLong(((Number) v).longValue());
      case DOUBLE -> (v, out) -> out.writeDouble(((Number) v).doubleValue());
      case FLOAT -> (v, out) -> out.writeFloat(((Number) v).floatValue());
      case BOOLEAN -> (v, out) -> out.writeBoolean((Boolean) v);
      case BINARY -> (v, out) -> out.writeBytes((ByteBuffer) v);
      case DECIMAL -> {
        Types.DecimalType decimal = (Types.DecimalType) type;
        int length = TypeUtil.decimalRequiredBytes(decimal.precision());
        byte[] fixed = new byte[length];
        yield (v, out) -> out.writeFixed(fixedBytes((BigDecimal) v, decimal, fixed));
      }
      default -> throw new IllegalArgumentException("bronze column type " + type
          + " is not one a contract field fills");
    };
  }

  /** The unscaled value, big-endian and sign-extended to the fixed length Iceberg gives the decimal's precision. */
  private static byte[] fixedBytes(BigDecimal value, Types.DecimalType type, byte[] fixed) {
    if (value.precision() > type.precision()) {
      throw new IllegalArgumentException(value + " has more than the " + type.precision() + " digits of " + type);
    }
    byte[] unscaled = value.unscaledValue().toByteArray();
    int pad = fixed.length - unscaled.length;
    byte fill = (byte) (value.signum() < 0 ? -1 : 0);
    for (int i = 0; i < pad; i++) {
      fixed[i] = fill;
    }
    System.arraycopy(unscaled, 0, fixed, pad, unscaled.length);
    return fixed;
  }

  private static byte[] header(Schema avro) {
    try {
      byte[] fingerprint = SchemaNormalization.parsingFingerprint("CRC-64-AVRO", avro);
      byte[] header = new byte[SINGLE_OBJECT_MARKER.length + fingerprint.length];
      System.arraycopy(SINGLE_OBJECT_MARKER, 0, header, 0, SINGLE_OBJECT_MARKER.length);
      System.arraycopy(fingerprint, 0, header, SINGLE_OBJECT_MARKER.length, fingerprint.length);
      return header;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Avro's CRC-64-AVRO fingerprint is missing", e);
    }
  }

  private static org.apache.avro.Schema nonNull(org.apache.avro.Schema schema) {
    if (schema.getType() != org.apache.avro.Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream().filter(s -> s.getType() != org.apache.avro.Schema.Type.NULL).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("a union of only null: " + schema));
  }
}
