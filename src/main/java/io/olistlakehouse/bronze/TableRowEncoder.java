package io.olistlakehouse.bronze;

import io.olistlakehouse.contracts.decode.DeadLetterReason;
import io.olistlakehouse.contracts.decode.RejectedRecordException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.avro.IcebergEncoder;

/**
 * Encodes Iceberg records of one bronze table (the dead letters, which are few) as its rows: Iceberg's Avro encoding of
 * the table's schema (in the single-object format, whose header names the schema), which the writing task appends to
 * an Avro data file as it is. Each row comes with its partition's path. Stream rows are encoded straight from their
 * contract by {@link StreamRowEncoder}, in the same format. Not thread-safe: one per task.
 */
final class TableRowEncoder {

  /** A table row ready for its data file, and the partition it belongs in. */
  record EncodedRow(String table, String partitionPath, byte[] row) {}

  private final String table;
  private final Table layout;
  private final IcebergEncoder<Record> encoder;
  private final RecordPartitions partitions;
  private PartitionKey lastKey;
  private String lastPath;

  TableRowEncoder(String table, Table layout) {
    this.table = table;
    this.layout = layout;
    this.encoder = new IcebergEncoder<>(layout.schema());
    this.partitions = new RecordPartitions(layout);
  }

  /** Throws {@link RejectedRecordException} when a value does not fit its column (a decimal too wide, say). */
  EncodedRow encode(Record record) {
    ByteBuffer encoded;
    try {
      encoded = encoder.encode(record);
    } catch (IOException | RuntimeException e) {
      throw new RejectedRecordException(DeadLetterReason.OUT_OF_CONTRACT, "value does not fit table "
          + layout.name() + ": " + e.getMessage(), e);
    }
    return new EncodedRow(table, partitionPath(record), bytes(encoded));
  }

  private String partitionPath(Record record) {
    PartitionKey key = partitions.keyOf(record);
    // Consecutive records of a Kafka partition mostly share a day: format the path only when it changes.
    if (!key.equals(lastKey)) {
      lastKey = key.copy();
      lastPath = partitions.path(lastKey);
    }
    return lastPath;
  }

  /** The encoder hands out a copy of its buffer: use its array as it is when it is exactly the row. */
  private static byte[] bytes(ByteBuffer encoded) {
    byte[] array = encoded.array();
    int from = encoded.arrayOffset() + encoded.position();
    return from == 0 && encoded.remaining() == array.length ? array
        : Arrays.copyOfRange(array, from, from + encoded.remaining());
  }
}
