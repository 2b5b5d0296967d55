package io.olistlakehouse.platform.catalog;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;

/**
 * A separate JVM that appends to one Iceberg table, one commit per data file, through the shared catalog.
 * Usage: {@code ConcurrentAppender <config file> <table> <writer id> <commits> <rows per commit>}.
 */
public final class ConcurrentAppender {

  /** The columns {@link #append} writes. */
  static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "writer", Types.StringType.get()),
      Types.NestedField.required(2, "commit_no", Types.IntegerType.get()),
      Types.NestedField.required(3, "row_no", Types.IntegerType.get()));

  public static void main(String[] args) throws Exception {
    LakehouseConfig config = LakehouseConfig.load(Path.of(args[0]), Map.of(), Path.of("."));
    TableIdentifier id = TableIdentifier.parse(args[1]);
    String writer = args[2];
    int commits = Integer.parseInt(args[3]);
    int rows = Integer.parseInt(args[4]);
    Catalog catalog = IcebergCatalogs.open(config);
    try {
      Table table = catalog.loadTable(id);
      for (int c = 0; c < commits; c++) {
        // A conflicting commit from the other JVM makes Iceberg refresh and retry this append.
        append(table, writer, c, rows);
      }
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
    System.out.println("appended " + commits + " commits as " + writer);
  }

  /**
   * Writes one Parquet file of {@code rows} rows (writer, commit_no, row_no) and appends it in one commit; returns
   * the table's current snapshot right after, which is the commit's own while no one else writes the table.
   */
  static long append(Table table, String writer, int commitNo, int rows) throws IOException {
    OutputFile out = table.io().newOutputFile(
        table.locationProvider().newDataLocation(writer + "-" + commitNo + ".parquet"));
    DataWriter<Record> file = Parquet.writeData(out)
        .schema(table.schema())
        .createWriterFunc(GenericParquetWriter::create)
        .withSpec(PartitionSpec.unpartitioned())
        .overwrite()
        .build();
    try (file) {
      for (int r = 0; r < rows; r++) {
        GenericRecord record = GenericRecord.create(table.schema());
        record.setField("writer", writer);
        record.setField("commit_no", commitNo);
        record.setField("row_no", r);
        file.write(record);
      }
    }
    table.newAppend().appendFile(file.toDataFile()).commit();
    return table.currentSnapshot().snapshotId();
  }
}
