package io.olistlakehouse.serde;

import org.apache.avro.Conversions;
import org.apache.avro.generic.GenericData;

/** The generic data model of the serde: decimals as {@link java.math.BigDecimal}, so money stays exact. */
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
    return data;
  }
}
