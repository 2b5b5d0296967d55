package io.olistlakehouse.contracts.decode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes a record already resolved into its contract as plain Avro binary of the contract, which Spark's
 * {@code from_avro} turns into columns. Encoding validates what decoding does not: a decimal wider than the
 * contract's precision is refused here rather than overflowing a table column.
 */
public final class ContractEncoder {

  private final Schema contract;
  private final GenericDatumWriter<GenericRecord> writer;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private BinaryEncoder encoder;

  ContractEncoder(Schema contract) {
    this.contract = contract;
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    this.writer = new GenericDatumWriter<>(contract, data);
  }

  /** Not thread-safe: one encoder per decoding thread. */
  byte[] encode(GenericRecord resolved) {
    buffer.reset();
    encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
    try {
      writer.write(resolved, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      // The buffered encoder still holds the refused record's first fields and would flush them ahead of the next
      // record: start the next one with a fresh encoder.
      encoder = null;
      throw new RejectedRecordException(DeadLetterReason.OUT_OF_CONTRACT, "value does not fit contract "
          + contract.getFullName() + ": " + e.getMessage(), e);
    }
    return buffer.toByteArray();
  }
}
