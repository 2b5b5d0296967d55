package io.olistlakehouse.bronze;

import java.io.IOException;
import org.apache.iceberg.shaded.org.apache.avro.Schema;
import org.apache.iceberg.shaded.org.apache.avro.io.DatumWriter;
import org.apache.iceberg.shaded.org.apache.avro.io.Encoder;

/**
 * Appends rows already in Iceberg's Avro encoding of the file's schema ({@link TableRowEncoder}) to an Avro data file
 * as they are, without their single-object header. The classes are those of the Avro that Iceberg's runtime bundles
 * (relocated), because its file appender is what calls this writer.
 */
final class EncodedRowWriter implements DatumWriter<byte[]> {

  /** Avro's single-object header: the marker C3 01, then the schema's 8-byte fingerprint. */
  static final int HEADER_SIZE = 10;

  @Override
  public void setSchema(Schema schema) {
    // the rows were encoded with this very schema (TableFileWriter checks a row of each file)
  }

  @Override
  public void write(byte[] row, Encoder out) throws IOException {
    out.writeFixed(row, HEADER_SIZE, row.length - HEADER_SIZE);
  }
}
