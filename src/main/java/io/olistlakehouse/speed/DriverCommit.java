package io.olistlakehouse.speed;

import io.olistlakehouse.streaming.MicroBatchMarker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * One batch's rows committed to one speed table from the driver with Iceberg's own writers: a data file and, for an
 * upsert, an equality-delete file of the rows' keys, in one row-delta commit whose summary carries the batch marker.
 * The deletes take the commit's sequence number, so they remove the key's older rows and not the ones added beside
 * them. A speed batch is a few thousand rows: this costs two small files and a commit, where a Spark MERGE planned,
 * scanned and rewrote (seconds per batch, growing with the table).
 */
final class DriverCommit {

  private DriverCommit() {}

  /** Appends {@code rows}. */
  static void append(Table table, List<Record> rows, MicroBatchMarker marker) {
    commit(table, null, rows, List.of(), marker);
  }

  /**
   * Replaces the rows whose {@code keyColumn} equals one of {@code replacedKeys} with {@code rows} (keys absent from
   * the table may be left out of {@code replacedKeys}: they have nothing to delete).
   */
  static void upsert(Table table, String keyColumn, List<Record> rows, List<Object> replacedKeys,
      MicroBatchMarker marker) {
    commit(table, keyColumn, rows, replacedKeys, marker);
  }

  private static void commit(Table table, String keyColumn, List<Record> rows, List<Object> replacedKeys,
      MicroBatchMarker marker) {
    List<ContentFile<?>> written = new ArrayList<>();
    try {
      RowDelta delta = table.newRowDelta();
      DataFile data = writeDataFile(table, rows, marker.batchId());
      if (data != null) {
        written.add(data);
        delta.addRows(data);
      }
      if (!replacedKeys.isEmpty()) {
        DeleteFile deletes = writeDeletes(table, keyColumn, replacedKeys, marker.batchId());
        written.add(deletes);
        delta.addDeletes(deletes);
      }
      marker.summary().forEach(delta::set);
      delta.commit();
    } catch (CommitStateUnknownException e) {
      throw e; // the commit may have landed with these files: they must stay
    } catch (RuntimeException e) {
      // Nothing was committed (a failed commit cleans up its own metadata): the files written for it go too.
      written.forEach(f -> deleteQuietly(table, f.location()));
      throw e;
    }
  }

  /** One data file of {@code rows} in the table's format; null when there were no rows (no file is left). */
  static DataFile writeDataFile(Table table, Iterable<Record> rows, long taskId) {
    FileFormat format = format(table);
    GenericAppenderFactory appenders = new GenericAppenderFactory(table, table.schema(), table.spec(),
        table.properties(), null, null, null);
    DataWriter<Record> writer = appenders.newDataWriter(outputFiles(table, format, taskId).newOutputFile(), format,
        null);
    try (writer) {
      rows.forEach(writer::write);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a data file of " + table.name(), e);
    }
    DataFile file = writer.toDataFile();
    if (file.recordCount() == 0) {
      deleteQuietly(table, file.location());
      return null;
    }
    return file;
  }

  /** An equality-delete file of {@code keys} in {@code keyColumn}. */
  private static DeleteFile writeDeletes(Table table, String keyColumn, List<Object> keys, long taskId) {
    FileFormat format = format(table);
    Schema keySchema = table.schema().select(keyColumn);
    GenericAppenderFactory appenders = new GenericAppenderFactory(table, table.schema(), table.spec(),
        table.properties(), new int[] {table.schema().findField(keyColumn).fieldId()}, keySchema, null);
    EqualityDeleteWriter<Record> writer = appenders.newEqDeleteWriter(
        outputFiles(table, format, taskId).newOutputFile(), format, null);
    Record key = GenericRecord.create(keySchema);
    try (writer) {
      for (Object k : keys) {
        key.setField(keyColumn, k);
        writer.write(key);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an equality-delete file of " + table.name(), e);
    }
    return writer.toDeleteFile();
  }

  private static OutputFileFactory outputFiles(Table table, FileFormat format, long taskId) {
    return OutputFileFactory.builderFor(table, 0, taskId).format(format).build();
  }

  private static FileFormat format(Table table) {
    return FileFormat.fromString(table.properties().getOrDefault(TableProperties.DEFAULT_FILE_FORMAT,
        TableProperties.DEFAULT_FILE_FORMAT_DEFAULT));
  }

  private static void deleteQuietly(Table table, String location) {
    try {
      table.io().deleteFile(location);
    } catch (RuntimeException ignored) {
      // left as an orphan file, which Iceberg's orphan-file removal finds
    }
  }
}
