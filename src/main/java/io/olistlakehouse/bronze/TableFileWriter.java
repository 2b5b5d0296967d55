package io.olistlakehouse.bronze;

import io.olistlakehouse.contracts.BronzeStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.spark.sql.Row;

/**
 * One table's data files in one writing task. Rows arrive clustered by partition (the batch sorts them by day), so
 * one file is open at a time and each day gets one file, or more only past the table's target file size. Format,
 * compression and metrics follow the table's properties, as they would for any Iceberg writer.
 */
final class TableFileWriter {

  private final String name;
  private final Table table;
  private final boolean alreadyCommitted;
  private final TableRecords records;
  private final InternalRecordWrapper wrapper;
  private final PartitionKey key;
  private final GenericAppenderFactory appenders;
  private final OutputFileFactory outputFiles;
  private final FileFormat format;
  private final long targetFileSize;
  private final List<DataFile> written = new ArrayList<>();
  private DataWriter<Record> writer;
  private PartitionKey writerKey;
  private long rows;

  /** With {@code alreadyCommitted}, rows are counted and nothing is written: the table holds this batch already. */
  TableFileWriter(String name, Table table, boolean alreadyCommitted, int partitionId, long taskId,
      String operationId) {
    this.name = name;
    this.table = table;
    this.alreadyCommitted = alreadyCommitted;
    this.records = BronzeTables.DEAD_LETTER.equals(name) ? TableRecords.forDeadLetters(table.schema())
        : TableRecords.forStream(BronzeStream.fromName(name), table.schema());
    this.wrapper = new InternalRecordWrapper(table.schema().asStruct());
    this.key = new PartitionKey(table.spec(), table.schema());
    this.appenders = new GenericAppenderFactory(table, table.schema(), table.spec(), table.properties(), null, null,
        null);
    this.format = FileFormat.fromString(table.properties().getOrDefault(TableProperties.DEFAULT_FILE_FORMAT,
        TableProperties.DEFAULT_FILE_FORMAT_DEFAULT));
    this.outputFiles = OutputFileFactory.builderFor(table, partitionId, taskId).format(format)
        .operationId(operationId).build();
    this.targetFileSize = PropertyUtil.propertyAsLong(table.properties(),
        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
  }

  String name() {
    return name;
  }

  void write(Row decoded) throws IOException {
    rows++;
    if (alreadyCommitted) {
      return;
    }
    Record record = records.toRecord(decoded);
    key.partition(wrapper.wrap(record));
    if (writer == null || !key.equals(writerKey) || writer.length() >= targetFileSize) {
      closeWriter();
      writerKey = key.copy();
      PartitionSpec spec = table.spec();
      // An unpartitioned table's files go straight under data/ (a partition path would add an empty segment).
      writer = spec.isUnpartitioned() ? appenders.newDataWriter(outputFiles.newOutputFile(), format, null)
          : appenders.newDataWriter(outputFiles.newOutputFile(spec, writerKey), format, writerKey);
    }
    writer.write(record);
  }

  WrittenFiles finish() throws IOException {
    closeWriter();
    return new WrittenFiles(name, rows, List.copyOf(written));
  }

  /** After a failure: the files this writer wrote are deleted (best effort; none of them was committed). */
  void abort() {
    try {
      closeWriter();
    } catch (IOException | RuntimeException e) {
      // the file may be half written; its deletion below is what matters
    }
    for (DataFile file : written) {
      try {
        table.io().deleteFile(file.location());
      } catch (RuntimeException e) {
        // left as an orphan file, which Iceberg's orphan-file removal finds
      }
    }
  }

  private void closeWriter() throws IOException {
    if (writer != null) {
      DataWriter<Record> closing = writer;
      writer = null;
      try {
        closing.close();
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot write a data file of " + table.name() + " (partition '"
            + table.spec().partitionToPath(writerKey) + "'): " + e.getMessage(), e);
      }
      written.add(closing.toDataFile());
    }
  }
}
