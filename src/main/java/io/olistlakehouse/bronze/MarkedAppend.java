package io.olistlakehouse.bronze;

import java.util.List;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;

/** One append of a batch's files to one table, in one Iceberg commit whose summary carries the batch's marker. */
final class MarkedAppend {

  private MarkedAppend() {}

  static void commit(Table table, List<DataFile> files, BatchMarker batch) {
    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    batch.summary().forEach(append::set);
    append.commit();
  }
}
