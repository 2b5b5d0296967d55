package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class BronzeTableSchemasTest {

  @Test
  void streamTablesHoldTheContractThenTheKafkaCoordinates() {
    for (BronzeStream stream : BronzeStream.values()) {
      Schema table = BronzeTableSchemas.streamTable(stream);
      List<String> contract = BronzeContracts.schema(stream).getFields().stream().map(f -> f.name()).toList();
      List<String> columns = table.columns().stream().map(Types.NestedField::name).toList();
      assertEquals(contract, columns.subList(0, contract.size()), stream.streamName());
      assertEquals(List.of("kafka_topic", "kafka_partition", "kafka_offset", "kafka_timestamp"),
          columns.subList(contract.size(), columns.size()));
      assertTrue(table.columns().stream().allMatch(Types.NestedField::isOptional), stream.streamName());
      assertEquals(Types.TimestampType.withZone(), table.findType("event_time"));
    }
  }

  @Test
  void moneyIsExactAndTablesArePartitionedByEventTime() {
    Schema items = BronzeTableSchemas.streamTable(BronzeStream.ORDER_ITEM);
    assertEquals(Types.DecimalType.of(12, 2), items.findType("price"));
    assertEquals(Types.DecimalType.of(12, 2), items.findType("freight_value"));
    PartitionSpec spec = BronzePartitioning.Granularity.DAY.spec(items);
    assertEquals(1, spec.fields().size());
    assertEquals("day", spec.fields().get(0).transform().toString());
    assertEquals(items.findField("event_time").fieldId(), spec.fields().get(0).sourceId());
  }

  @Test
  void deadLettersKeepRawBytesAndTheReason() {
    Schema dead = BronzeTableSchemas.deadLetterTable();
    assertEquals(Types.BinaryType.get(), dead.findType("kafka_key"));
    assertEquals(Types.BinaryType.get(), dead.findType("kafka_value"));
    for (String c : List.of("kafka_topic", "kafka_partition", "kafka_offset", "reason", "error_class",
        "error_message", "schema_id", "stream")) {
      assertTrue(dead.findField(c) != null, c);
    }
  }
}
