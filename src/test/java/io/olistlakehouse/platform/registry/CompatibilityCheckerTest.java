package io.olistlakehouse.platform.registry;

import static io.olistlakehouse.testing.TestSchemas.ITEMS;
import static io.olistlakehouse.testing.TestSchemas.ORDER_ID;
import static io.olistlakehouse.testing.TestSchemas.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

  private static final String OPTIONAL_NOTE = "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}";
  private static final String REQUIRED_X = "{\"name\":\"x\",\"type\":\"int\"}";
  private static final String X_WITH_DEFAULT = "{\"name\":\"x\",\"type\":\"int\",\"default\":0}";

  private final CompatibilityChecker checker = new CompatibilityChecker();

  private static NavigableMap<Integer, Schema> versions(Schema... schemas) {
    NavigableMap<Integer, Schema> out = new TreeMap<>();
    for (int i = 0; i < schemas.length; i++) {
      out.put(i + 1, schemas[i]);
    }
    return out;
  }

  @Test
  void backwardAcceptsOptionalFieldWithDefault() {
    Schema v1 = record("Order", ORDER_ID, ITEMS);
    Schema v2 = record("Order", ORDER_ID, ITEMS, OPTIONAL_NOTE);
    CompatibilityResult result = checker.check(CompatibilityLevel.BACKWARD, v2, versions(v1));
    assertTrue(result.compatible(), result.messages().toString());
    assertTrue(result.messages().isEmpty());
  }

  @Test
  void backwardRejectsNewFieldWithoutDefaultNamingIt() {
    Schema v1 = record("Order", ORDER_ID, ITEMS);
    Schema v2 = record("Order", ORDER_ID, ITEMS, REQUIRED_X);
    CompatibilityResult result = checker.check(CompatibilityLevel.BACKWARD, v2, versions(v1));
    assertFalse(result.compatible());
    assertEquals(1, result.messages().size(), result.messages().toString());
    String message = result.messages().get(0);
    assertTrue(message.startsWith("READER_FIELD_MISSING_DEFAULT_VALUE at /fields/2: field 'x'"), message);
    assertTrue(message.contains("has no default value"), message);
    assertTrue(message.contains("version 1"), message);
  }

  @Test
  void backwardRejectsTypeChangeNamingFieldAndTypes() {
    Schema v1 = record("Order", ORDER_ID, ITEMS);
    Schema v2 = record("Order", ORDER_ID, "{\"name\":\"items\",\"type\":\"string\"}");
    CompatibilityResult result = checker.check(CompatibilityLevel.BACKWARD, v2, versions(v1));
    assertFalse(result.compatible());
    String message = String.join("\n", result.messages());
    assertTrue(message.contains("TYPE_MISMATCH at /fields/1/type: field 'items' has type string in the new schema "
        + "but long in version 1"), message);
  }

  @Test
  void backwardRejectsRetypingAnOptionalFieldNamingIt() {
    Schema v1 = record("Order", ORDER_ID, "{\"name\":\"weight\",\"type\":[\"null\",\"int\"],\"default\":null}");
    Schema v2 = record("Order", ORDER_ID, "{\"name\":\"weight\",\"type\":\"string\"}");
    CompatibilityResult result = checker.check(CompatibilityLevel.BACKWARD, v2, versions(v1));
    assertFalse(result.compatible());
    String message = String.join("\n", result.messages());
    // Avro places the problem at the record ("/"): the message still names the field.
    assertTrue(message.contains("field 'weight' has type string in the new schema but int in version 1"), message);
  }

  @Test
  void promotionIntToLongIsBackwardButNotForward() {
    Schema v1 = record("R", "{\"name\":\"n\",\"type\":\"int\"}");
    Schema v2 = record("R", "{\"name\":\"n\",\"type\":\"long\"}");
    assertTrue(checker.check(CompatibilityLevel.BACKWARD, v2, versions(v1)).compatible());
    CompatibilityResult forward = checker.check(CompatibilityLevel.FORWARD, v2, versions(v1));
    assertFalse(forward.compatible());
    assertTrue(forward.messages().get(0).contains("field 'n' has type int in version 1 but long in the new schema"),
        forward.messages().toString());
  }

  @Test
  void nestedFieldIsNamedWithItsPath() {
    String addressV1 = "{\"name\":\"address\",\"type\":{\"type\":\"record\",\"name\":\"Address\",\"fields\":["
        + "{\"name\":\"city\",\"type\":\"string\"}]}}";
    String addressV2 = addressV1.replace("\"string\"", "\"int\"");
    CompatibilityResult result =
        checker.check(CompatibilityLevel.BACKWARD, record("R", addressV2), versions(record("R", addressV1)));
    assertFalse(result.compatible());
    assertTrue(result.messages().get(0).contains("field 'address.city'"), result.messages().toString());
  }

  @Test
  void forwardAllowsNewRequiredFieldButNotRemovingOne() {
    Schema v1 = record("Order", ORDER_ID, ITEMS);
    assertTrue(checker.check(CompatibilityLevel.FORWARD, record("Order", ORDER_ID, ITEMS, REQUIRED_X),
        versions(v1)).compatible());
    CompatibilityResult removed = checker.check(CompatibilityLevel.FORWARD, record("Order", ORDER_ID), versions(v1));
    assertFalse(removed.compatible());
    assertTrue(removed.messages().get(0).contains("field 'items' of version 1 has no default value and is missing "
        + "from the new schema"), removed.messages().toString());
    // Removing it is fine backward: the new reader simply ignores it.
    assertTrue(checker.check(CompatibilityLevel.BACKWARD, record("Order", ORDER_ID), versions(v1)).compatible());
  }

  @Test
  void fullNeedsBothDirections() {
    Schema v1 = record("Order", ORDER_ID, ITEMS);
    assertTrue(checker.check(CompatibilityLevel.FULL, record("Order", ORDER_ID, ITEMS, X_WITH_DEFAULT),
        versions(v1)).compatible());
    CompatibilityResult required = checker.check(CompatibilityLevel.FULL, record("Order", ORDER_ID, ITEMS, REQUIRED_X),
        versions(v1));
    assertFalse(required.compatible());
    assertTrue(required.messages().get(0).contains("field 'x'"), required.messages().toString());
    CompatibilityResult removed = checker.check(CompatibilityLevel.FULL, record("Order", ORDER_ID), versions(v1));
    assertFalse(removed.compatible(), "FULL must also check the forward direction");
  }

  @Test
  void backwardTransitiveChecksEveryVersion() {
    Schema v1 = record("Order", ORDER_ID);
    Schema v2 = record("Order", ORDER_ID, X_WITH_DEFAULT);
    Schema v3 = record("Order", ORDER_ID, REQUIRED_X); // reads v2 data, not v1 data
    assertTrue(checker.check(CompatibilityLevel.BACKWARD, v3, versions(v1, v2)).compatible());
    CompatibilityResult transitive = checker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, v3, versions(v1, v2));
    assertFalse(transitive.compatible());
    assertEquals(1, transitive.messages().size(), transitive.messages().toString());
    assertTrue(transitive.messages().get(0).contains("version 1"), transitive.messages().toString());
  }

  @Test
  void forwardTransitiveChecksEveryVersion() {
    Schema v1 = record("Order", ORDER_ID, REQUIRED_X);
    Schema v2 = record("Order", ORDER_ID, X_WITH_DEFAULT);
    Schema v3 = record("Order", ORDER_ID); // v2 can read it (default), v1 cannot
    assertTrue(checker.check(CompatibilityLevel.FORWARD, v3, versions(v1, v2)).compatible());
    CompatibilityResult transitive = checker.check(CompatibilityLevel.FORWARD_TRANSITIVE, v3, versions(v1, v2));
    assertFalse(transitive.compatible());
    assertTrue(transitive.messages().get(0).contains("field 'x' of version 1"), transitive.messages().toString());
    assertFalse(checker.check(CompatibilityLevel.FULL_TRANSITIVE, v3, versions(v1, v2)).compatible());
  }

  @Test
  void noneAndFirstVersionAlwaysPass() {
    Schema v1 = record("Order", ORDER_ID);
    Schema unrelated = record("Order", "{\"name\":\"order_id\",\"type\":\"int\"}");
    assertTrue(checker.check(CompatibilityLevel.NONE, unrelated, versions(v1)).compatible());
    assertTrue(checker.check(CompatibilityLevel.FULL_TRANSITIVE, unrelated, versions()).compatible());
    assertFalse(checker.check(CompatibilityLevel.BACKWARD, unrelated, versions(v1)).compatible());
  }

  @Test
  void levelsParseCaseInsensitivelyAndRejectOthersListingAllowed() {
    assertEquals(CompatibilityLevel.FULL_TRANSITIVE, CompatibilityLevel.parse("full_transitive"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompatibilityLevel.parse("LOOSE"));
    assertTrue(e.getMessage().contains("'LOOSE'") && e.getMessage().contains("BACKWARD_TRANSITIVE"), e.getMessage());
  }
}
