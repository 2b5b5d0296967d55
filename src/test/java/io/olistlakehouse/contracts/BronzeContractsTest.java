package io.olistlakehouse.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The rules every bronze contract follows, so the contracts can evolve and money stays exact. */
class BronzeContractsTest {

  @Test
  void everyContractCarriesEventAndIngestTimeAsTimestamps() {
    for (BronzeStream stream : BronzeStream.values()) {
      Schema schema = BronzeContracts.schema(stream);
      for (String name : new String[] {"event_time", "ingest_time"}) {
        Schema.Field field = schema.getField(name);
        assertNotNull(field, stream + " lacks " + name);
        assertEquals(LogicalTypes.timestampMillis(), field.schema().getLogicalType(), stream + "." + name);
      }
    }
  }

  @Test
  void orderScopedContractsCarryTheOrderIdAsARequiredString() {
    for (BronzeStream stream : BronzeStream.values()) {
      if (stream.orderScoped()) {
        Schema.Field orderId = BronzeContracts.schema(stream).getField("order_id");
        assertNotNull(orderId, stream.streamName());
        assertEquals(Schema.Type.STRING, orderId.schema().getType());
      }
    }
  }

  @Test
  void optionalFieldsAreNullUnionsWithANullDefaultAndNoFieldIsAFloat() {
    for (BronzeStream stream : BronzeStream.values()) {
      for (Schema.Field field : BronzeContracts.schema(stream).getFields()) {
        Schema type = field.schema();
        assertNotEquals(Schema.Type.FLOAT, type.getType(), stream + "." + field.name());
        if (type.getType() == Schema.Type.UNION) {
          assertEquals(Schema.Type.NULL, type.getTypes().get(0).getType(), stream + "." + field.name());
          assertEquals(JsonProperties.NULL_VALUE, field.defaultVal(), stream + "." + field.name());
        }
      }
    }
  }

  @Test
  void moneyIsAnExactDecimalWithTwoDigits() {
    String[][] money = {{"payment", "payment_value"}, {"order_item", "price"}, {"order_item", "freight_value"}};
    for (String[] m : money) {
      Schema type = BronzeContracts.schema(BronzeStream.fromName(m[0])).getField(m[1]).schema();
      LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) type.getLogicalType();
      assertEquals(2, decimal.getScale(), m[0] + "." + m[1]);
      assertTrue(decimal.getPrecision() >= 12, m[0] + "." + m[1]);
    }
  }

  @Test
  void streamNamesRoundTripAndUnknownNamesAreRejected() {
    for (BronzeStream stream : BronzeStream.values()) {
      assertEquals(stream, BronzeStream.fromName(stream.streamName()));
    }
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> BronzeStream.fromName("orders"));
    assertTrue(e.getMessage().contains("orders"));
  }
}
