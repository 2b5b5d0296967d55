package io.olistlakehouse.bronze;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;

/**
 * What one writing task did for one table: the rows it received for the table and the data files it wrote from them
 * (none when the table already holds the batch), and for the dead-letter table the rows' reasons. Files are
 * committed by the driver, never by the task.
 */
record WrittenFiles(String table, long rows, List<DataFile> files, Map<String, Long> reasons)
    implements Serializable {

  WrittenFiles withReasons(Map<String, Long> byReason) {
    return new WrittenFiles(table, rows, files, Map.copyOf(byReason));
  }
}
