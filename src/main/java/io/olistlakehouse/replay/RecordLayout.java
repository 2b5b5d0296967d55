package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * A contract's fields in declaration order, checked once against the contract, so records are filled by position
 * (by name costs a map lookup per field and event). A contract whose fields changed fails here, naming both lists.
 */
final class RecordLayout {

  private final Schema schema;

  private RecordLayout(Schema schema) {
    this.schema = schema;
  }

  static RecordLayout of(BronzeStream stream, String... fields) {
    Schema schema = BronzeContracts.schema(stream);
    List<String> actual = schema.getFields().stream().map(Schema.Field::name).toList();
    if (!actual.equals(List.of(fields))) {
      throw new IllegalStateException("contract " + stream.streamName() + " has fields " + actual
          + " but the replayer fills " + List.of(fields));
    }
    return new RecordLayout(schema);
  }

  Schema schema() {
    return schema;
  }

  /** A record with {@code values} in field order. */
  GenericData.Record record(Object... values) {
    GenericData.Record r = new GenericData.Record(schema);
    for (int i = 0; i < values.length; i++) {
      r.put(i, values[i]);
    }
    return r;
  }
}
