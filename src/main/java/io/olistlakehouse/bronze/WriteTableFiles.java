package io.olistlakehouse.bronze;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Table;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * The writing stage of a batch, run in Spark tasks: encoded rows, grouped by table and partition, become data files of
 * their tables. Each task reports per table the rows it received and the files it wrote; the driver commits them.
 * A task that fails deletes what it wrote, so a retried task leaves no stray files behind.
 */
final class WriteTableFiles implements FlatMapFunction<Iterator<Row>, WrittenFiles> {

  private static final long serialVersionUID = 1L;
  private static final int TABLE_COLUMN = EncodePartition.ENCODED.fieldIndex(EncodePartition.TABLE);
  private static final int PARTITION_COLUMN = EncodePartition.ENCODED.fieldIndex(EncodePartition.PARTITION);
  private static final int ROW_COLUMN = EncodePartition.ENCODED.fieldIndex(EncodePartition.ROW);

  private final Map<String, Table> tables;
  private final Set<String> alreadyCommitted;
  private final String operationId;

  /**
   * @param tables serializable copies of the tables by name (as in {@link EncodePartition#TABLE})
   * @param alreadyCommitted tables that hold this batch already: their rows are counted, not written again
   * @param operationId unique per attempt of a batch, part of every file name
   */
  WriteTableFiles(Map<String, Table> tables, Set<String> alreadyCommitted, String operationId) {
    this.tables = Map.copyOf(tables);
    this.alreadyCommitted = Set.copyOf(alreadyCommitted);
    this.operationId = operationId;
  }

  @Override
  public Iterator<WrittenFiles> call(Iterator<Row> rows) throws Exception {
    TaskContext task = TaskContext.get();
    Map<String, TableFileWriter> writers = new LinkedHashMap<>();
    TableFileWriter writer = null;
    try {
      while (rows.hasNext()) {
        Row row = rows.next();
        String table = row.getString(TABLE_COLUMN);
        if (writer == null || !writer.name().equals(table)) {
          if (writer != null) {
            writer.closeFile(); // its group has ended: one file open at a time
          }
          writer = writers.get(table);
        }
        if (writer == null) {
          writer = new TableFileWriter(table, tables.get(table), alreadyCommitted.contains(table), task.partitionId(),
              task.taskAttemptId(), operationId);
          writers.put(table, writer);
        }
        writer.write(row.getString(PARTITION_COLUMN), (byte[]) row.get(ROW_COLUMN));
      }
      List<WrittenFiles> results = new ArrayList<>();
      for (TableFileWriter w : writers.values()) {
        results.add(w.finish());
      }
      return results.iterator();
    } catch (Exception e) {
      writers.values().forEach(TableFileWriter::abort);
      throw e;
    } finally {
      // Each task deserializes its own copies of the tables, and with them its own S3 clients: close them.
      tables.values().forEach(t -> t.io().close());
    }
  }
}
