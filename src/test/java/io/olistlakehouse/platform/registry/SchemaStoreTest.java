package io.olistlakehouse.platform.registry;

import static io.olistlakehouse.testing.TestSchemas.COUPON;
import static io.olistlakehouse.testing.TestSchemas.ITEMS;
import static io.olistlakehouse.testing.TestSchemas.ORDER_ID;
import static io.olistlakehouse.testing.TestSchemas.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {

  private final InMemorySchemaLog log = new InMemorySchemaLog();
  private final SchemaStore store = new SchemaStore(CompatibilityLevel.BACKWARD);
  private final RegistryService service = new RegistryService(store, log);

  private static RegistryService.SchemaRequest avro(Schema schema) {
    return new RegistryService.SchemaRequest(schema.toString(), null, false);
  }

  @Test
  void sameSchemaUnderAnotherSubjectReusesItsId() {
    Schema order = record("Order", ORDER_ID, ITEMS);
    Schema item = record("Item", ORDER_ID);
    SchemaStore.Entry a = service.register("orders-value", avro(order));
    SchemaStore.Entry b = service.register("orders-copy-value", avro(order));
    SchemaStore.Entry c = service.register("items-value", avro(item));
    assertEquals(1, a.id());
    assertEquals(a.id(), b.id());
    assertEquals(1, b.version());
    assertEquals(2, c.id());
    assertEquals(List.of("items-value", "orders-copy-value", "orders-value"), store.subjects(false));
    assertEquals(2, store.usesOf(1, false).size());
  }

  @Test
  void newVersionsCountUpAndReRegisteringIsIdempotent() {
    Schema v1 = record("Order", ORDER_ID);
    Schema v2 = record("Order", ORDER_ID, COUPON);
    SchemaStore.Entry first = service.register("orders-value", avro(v1));
    SchemaStore.Entry second = service.register("orders-value", avro(v2));
    int logSize = log.size();
    // Whitespace differs, the canonical form does not: still the same schema.
    SchemaStore.Entry again = service.register("orders-value",
        new RegistryService.SchemaRequest(" " + v1.toString(true) + "\n", "AVRO", false));
    assertEquals(List.of(1, 2), List.of(first.version(), second.version()));
    assertEquals(first, again);
    assertEquals(logSize, log.size(), "re-registering must not write a record");
    assertEquals(2, store.latest("orders-value").orElseThrow().version());
  }

  @Test
  void replayRebuildsIdenticalStateIncludingIdsAndConfig() {
    service.register("a-value", avro(record("A", ORDER_ID)));
    service.register("b-value", avro(record("B", ORDER_ID)));
    service.register("a-value", avro(record("A", ORDER_ID, COUPON)));
    service.register("c-value", avro(record("B", ORDER_ID)));
    service.setCompatibility("a-value", "FULL");
    service.setCompatibility(null, "forward");
    service.setCompatibility("b-value", "NONE");
    service.deleteCompatibility("b-value");
    service.deleteVersion("a-value", "1");

    SchemaStore replayed = new SchemaStore(CompatibilityLevel.BACKWARD);
    log.replay(replayed::apply);
    assertEquals(store.snapshot(), replayed.snapshot());
    assertEquals(CompatibilityLevel.FULL, replayed.effectiveCompatibility("a-value"));
    assertEquals(CompatibilityLevel.FORWARD, replayed.effectiveCompatibility("b-value"));
    // The next schema gets the same id in both: ids continue after a restart.
    Schema next = record("D", ORDER_ID);
    assertEquals(4, replayed.newVersion("d-value", next).id());
    assertEquals(store.newVersion("d-value", next), replayed.newVersion("d-value", next));
  }

  @Test
  void softDeleteHidesVersionsButKeepsIdsAndVersionNumbers() {
    Schema v1 = record("Order", ORDER_ID);
    Schema v2 = record("Order", ORDER_ID, COUPON);
    service.register("orders-value", avro(v1));
    service.register("orders-value", avro(v2));
    assertEquals(2, service.deleteVersion("orders-value", "latest"));
    assertEquals(List.of(1), service.versions("orders-value", false));
    assertEquals(List.of(1, 2), service.versions("orders-value", true));
    assertEquals(v2, service.schemaById(2), "a deleted version's id stays resolvable");
    SchemaStore.Entry back = service.register("orders-value", avro(v2));
    assertEquals(3, back.version(), "version numbers are never reused");
    assertEquals(2, back.id());

    assertEquals(List.of(1, 3), service.deleteSubject("orders-value"));
    assertFalse(store.subjects(false).contains("orders-value"));
    assertTrue(store.subjects(true).contains("orders-value"));
    RegistryException e = assertThrows(RegistryException.class, () -> service.versions("orders-value", false));
    assertEquals(40401, e.errorCode());
  }

  @Test
  void compatibilityDefaultsToConfiguredLevelAndSubjectOverridesGlobal() {
    SchemaStore forwardDefault = new SchemaStore(CompatibilityLevel.FORWARD);
    assertEquals(CompatibilityLevel.FORWARD, forwardDefault.effectiveCompatibility("x"));
    service.setCompatibility("x", "NONE");
    assertEquals(CompatibilityLevel.NONE, store.effectiveCompatibility("x"));
    assertEquals(CompatibilityLevel.BACKWARD, store.effectiveCompatibility("y"));
    assertEquals(CompatibilityLevel.NONE, service.deleteCompatibility("x"));
    assertEquals(CompatibilityLevel.BACKWARD, store.effectiveCompatibility("x"));
    assertEquals(40408, assertThrows(RegistryException.class, () -> service.deleteCompatibility("x")).errorCode());
  }

  @Test
  void failedLogWriteChangesNothing() {
    log.failNextAppend(new IllegalStateException("broker down"));
    RegistryException e = assertThrows(RegistryException.class,
        () -> service.register("orders-value", avro(record("Order", ORDER_ID))));
    assertEquals(50001, e.errorCode());
    assertTrue(e.getMessage().contains("broker down"), e.getMessage());
    assertTrue(store.subjects(true).isEmpty());
    assertEquals(1, service.register("orders-value", avro(record("Order", ORDER_ID))).id());
  }

  @Test
  void recordsRoundTripThroughJson() {
    SchemaRecord version = new SchemaRecord.SubjectVersion("s/1", 3, 7, "\"string\"", true);
    SchemaRecord config = new SchemaRecord.CompatibilityConfig(null, CompatibilityLevel.FULL);
    SchemaRecord removal = new SchemaRecord.CompatibilityConfig("s", null);
    for (SchemaRecord r : List.of(version, config, removal)) {
      assertEquals(r, SchemaRecordCodec.decode(SchemaRecordCodec.encode(r)));
    }
    String json = new String(SchemaRecordCodec.encode(version), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(json.contains("\"kind\":\"SCHEMA\""), json);
    assertNotEquals(version.key(), new SchemaRecord.SubjectVersion("s/1", 4, 7, "\"string\"", false).key());
    assertThrows(IllegalArgumentException.class, () -> SchemaRecordCodec.decode("{\"kind\":\"NOPE\"}".getBytes()));
  }

  @Test
  void rejectsOtherSchemaTypesReferencesAndInvalidAvro() {
    RegistryException proto = assertThrows(RegistryException.class,
        () -> service.register("s", new RegistryService.SchemaRequest("syntax = \"proto3\";", "PROTOBUF", false)));
    assertEquals(42201, proto.errorCode());
    assertTrue(proto.getMessage().contains("PROTOBUF"), proto.getMessage());
    RegistryException refs = assertThrows(RegistryException.class,
        () -> service.register("s", new RegistryService.SchemaRequest("\"string\"", "AVRO", true)));
    assertTrue(refs.getMessage().contains("references"), refs.getMessage());
    RegistryException bad = assertThrows(RegistryException.class,
        () -> service.register("s", new RegistryService.SchemaRequest("{\"type\":\"recrod\"}", null, false)));
    assertEquals(422, bad.status());
    assertTrue(bad.getMessage().startsWith("Invalid schema: "), bad.getMessage());
    assertEquals(0, log.size());
  }
}
