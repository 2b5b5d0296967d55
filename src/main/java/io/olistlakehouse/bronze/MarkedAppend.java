package io.olistlakehouse.bronze;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;

/** One append of a batch's rows to one table, in one Iceberg commit whose summary carries the batch's marker. */
final class MarkedAppend {

  private MarkedAppend() {}

  static void append(Dataset<Row> rows, String sparkTable, BatchMarker batch) {
    try {
      rows.writeTo(sparkTable).options(batch.writeOptions()).append();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException("table " + sparkTable + " disappeared while ingesting (it is created on start"
          + " and never dropped by the ingest)", e);
    }
  }
}
