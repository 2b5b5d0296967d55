package io.olistlakehouse.serde;

import org.apache.avro.Conversions;
import org.apache.avro.generic.GenericData;

/**
 * The generic data model of the serde: decimals as {@link java.math.BigDecimal}, so money stays exact. Avro's fast
 * reader resolves each (writer, reader) schema pair once into a tree of field readers, instead of stepping through the
 * resolving grammar field by field for every record.
 */
final class AvroData {

  private static final GenericData INSTANCE = create();

  private AvroData() {
  }

  static GenericData get() {
    return INSTANCE;
  }

  private static GenericData create() {
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    data.setFastReaderEnabled(true);
    return data;
  }
}
