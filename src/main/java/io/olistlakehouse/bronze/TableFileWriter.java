package io.olistlakehouse.bronze;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.avro.Avro;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.avro.IcebergDecoder;
import org.apache.iceberg.encryption.EncryptedOutputFile;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.util.PropertyUtil;

/**
 * One table's data files in one writing task. Rows arrive as {@link StreamRowEncoder} or {@link TableRowEncoder} made
 * them, with their partition's path, in any order: each partition has its own open file (a task lands one topic,
 * whose Kafka partitions interleave days), and gets one file, or more only past the table's target file size. Avro
 * files take the encoded rows as they are; another format (the table's {@code write.format.default}) gets them
 * decoded. Compression follows the table's properties, as it would for any Iceberg writer.
 */
final class TableFileWriter {

  private final String name;
  private final Table table;
  private final boolean alreadyCommitted;
  private final IcebergDecoder<Record> decoder;
  private final RecordPartitions partitions;
  private final GenericAppenderFactory appenders;
  private final OutputFileFactory outputFiles;
  private final FileFormat format;
  private final long targetFileSize;
  private final MetricsConfig metrics;
  private final List<DataFile> written = new ArrayList<>();
  private final Map<String, OpenFile> open = new LinkedHashMap<>();
  private long rows;

  /** A partition's file being written, and the partition's key. */
  private record OpenFile(DataWriter<?> writer, PartitionKey key) {}

  /** With {@code alreadyCommitted}, rows are counted and nothing is written: the table holds this batch already. */
  TableFileWriter(String name, Table table, boolean alreadyCommitted, int partitionId, long taskId,
      String operationId) {
    this.name = name;
    this.table = table;
    this.alreadyCommitted = alreadyCommitted;
    this.decoder = new IcebergDecoder<>(table.schema());
    this.partitions = new RecordPartitions(table);
    this.appenders = new GenericAppenderFactory(table, table.schema(), table.spec(), table.properties(), null, null,
        null);
    this.format = FileFormat.fromString(table.properties().getOrDefault(TableProperties.DEFAULT_FILE_FORMAT,
        TableProperties.DEFAULT_FILE_FORMAT_DEFAULT));
    this.outputFiles = OutputFileFactory.builderFor(table, partitionId, taskId).format(format)
        .operationId(operationId).build();
    this.targetFileSize = PropertyUtil.propertyAsLong(table.properties(),
        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
    this.metrics = MetricsConfig.forTable(table);
  }

  String name() {
    return name;
  }

  /** A row of the partition at {@code partitionPath}. */
  @SuppressWarnings("unchecked")
  void write(String partitionPath, byte[] row) throws IOException {
    rows++;
    if (alreadyCommitted) {
      return;
    }
    OpenFile file = open.get(partitionPath);
    if (file == null || file.writer().length() >= targetFileSize) {
      PartitionKey key = file == null ? partitionOf(row, partitionPath) : file.key();
      if (file != null) {
        close(partitionPath);
      }
      file = new OpenFile(open(key), key);
      open.put(partitionPath, file);
    }
    if (format == FileFormat.AVRO) {
      ((DataWriter<byte[]>) file.writer()).write(row);
    } else {
      ((DataWriter<Record>) file.writer()).write(decoder.decode(row));
    }
  }

  WrittenFiles finish() throws IOException {
    for (String partitionPath : List.copyOf(open.keySet())) {
      close(partitionPath);
    }
    return new WrittenFiles(name, rows, List.copyOf(written), Map.of());
  }

  /** After a failure: the files this writer wrote are deleted (best effort; none of them was committed). */
  void abort() {
    for (String partitionPath : List.copyOf(open.keySet())) {
      try {
        close(partitionPath);
      } catch (IOException | RuntimeException e) {
        // the file may be half written; its deletion below is what matters
      }
    }
    for (DataFile file : written) {
      try {
        table.io().deleteFile(file.location());
      } catch (RuntimeException e) {
        // left as an orphan file, which Iceberg's orphan-file removal finds
      }
    }
  }

  private void close(String partitionPath) throws IOException {
    DataWriter<?> closing = open.remove(partitionPath).writer();
    try {
      closing.close();
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot write a data file of " + table.name() + " (partition '"
          + partitionPath + "'): " + e.getMessage(), e);
    }
    written.add(closing.toDataFile());
  }

  /**
   * The partition of a file's rows, from its first row decoded: which also checks that the rows were encoded with
   * this table's schema (the decoder knows no other) and that the row belongs in the partition it came with.
   */
  private PartitionKey partitionOf(byte[] row, String partitionPath) {
    Record record;
    try {
      record = decoder.decode(row);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back an encoded row of " + table.name(), e);
    }
    PartitionKey key = partitions.keyOf(record).copy();
    String path = partitions.path(key);
    if (!path.equals(partitionPath)) {
      throw new IllegalStateException("a row of " + table.name() + " sent to partition '" + partitionPath
          + "' belongs in '" + path + "'");
    }
    return key;
  }

  private DataWriter<?> open(PartitionKey partition) throws IOException {
    PartitionSpec spec = table.spec();
    // An unpartitioned table's files go straight under data/ (a partition path would add an empty segment).
    EncryptedOutputFile file = spec.isUnpartitioned() ? outputFiles.newOutputFile()
        : outputFiles.newOutputFile(spec, partition);
    PartitionKey partitionValue = spec.isUnpartitioned() ? null : partition;
    if (format != FileFormat.AVRO) {
      return appenders.newDataWriter(file, format, partitionValue);
    }
    return Avro.writeData(file.encryptingOutputFile())
        .schema(table.schema())
        .createWriterFunc(ignored -> new EncodedRowWriter())
        .setAll(table.properties())
        .metricsConfig(metrics)
        .withSpec(spec)
        .withPartition(partitionValue)
        .withKeyMetadata(file.keyMetadata())
        .overwrite()
        .build();
  }
}
