package io.olistlakehouse.streaming;

import java.util.List;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;

/** One append of a batch's files to one table, in one Iceberg commit whose summary carries the batch's marker. */
public final class MarkedAppend {

  private MarkedAppend() {}

  public static void commit(Table table, List<DataFile> files, MicroBatchMarker batch) {
    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    batch.summary().forEach(append::set);
    append.commit();
  }
}
