package io.olistlakehouse.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.platform.registry.CompatibilityChecker;
import io.olistlakehouse.platform.registry.CompatibilityLevel;
import io.olistlakehouse.platform.registry.CompatibilityResult;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The two versions the evolution scenario offers the registry: one it must take, one it must refuse. */
class SchemaEvolutionTest {

  private static final Schema CONTRACT = BronzeContracts.schema(SchemaEvolution.STREAM);

  @Test
  void theNextVersionIsTheContractThenTheOptionalNewField() {
    Schema evolved = SchemaEvolution.evolved(CONTRACT);
    assertEquals(CONTRACT.getFullName(), evolved.getFullName());
    assertEquals(CONTRACT.getFields().size() + 1, evolved.getFields().size());
    for (Schema.Field field : CONTRACT.getFields()) {
      assertEquals(field.schema(), evolved.getField(field.name()).schema(), field.name());
      assertEquals(field.pos(), evolved.getField(field.name()).pos(), field.name());
    }
    Schema.Field brand = evolved.getField(SchemaEvolution.NEW_FIELD);
    assertEquals("[\"null\",\"string\"]", brand.schema().toString());
    assertTrue(brand.hasDefaultValue());
  }

  @Test
  void theRegistryTakesTheNextVersionAndRefusesTheRetypedOne() {
    CompatibilityChecker checker = new CompatibilityChecker();
    Schema evolved = SchemaEvolution.evolved(CONTRACT);
    TreeMap<Integer, Schema> first = new TreeMap<>();
    first.put(1, CONTRACT);
    assertTrue(checker.check(CompatibilityLevel.BACKWARD, evolved, first).compatible());
    TreeMap<Integer, Schema> both = new TreeMap<>(first);
    both.put(2, evolved);
    Schema retyped = SchemaEvolution.retyped(evolved);
    assertEquals(Schema.Type.STRING, retyped.getField(SchemaEvolution.RETYPED_FIELD).schema().getType());
    CompatibilityResult refused = checker.check(CompatibilityLevel.BACKWARD, retyped, both);
    assertFalse(refused.compatible());
    assertTrue(String.join("\n", refused.messages()).contains("field '" + SchemaEvolution.RETYPED_FIELD + "'"),
        refused.messages().toString());
  }
}
