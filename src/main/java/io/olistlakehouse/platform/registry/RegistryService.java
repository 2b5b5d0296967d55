package io.olistlakehouse.platform.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's operations, independent of HTTP. Reads go to the {@link SchemaStore}; every write is first made
 * durable in the {@link SchemaLog} and only then applied to the store, so the answer a client gets always survives a
 * restart.
 *
 * <p>Single writer: ids and versions are assigned from this process's in-memory state, and writes are serialised by
 * this object's lock. Exactly one registry process may write to a given log (topic); a second one would hand out
 * duplicate ids. Confluent elects a leader for this; the local platform simply runs one registry.
 */
public final class RegistryService {

  /** A schema as submitted by a client. */
  public record SchemaRequest(String schema, String schemaType, boolean hasReferences) {
  }

  private static final String AVRO = "AVRO";

  private final SchemaStore store;
  private final SchemaLog log;
  private final CompatibilityChecker checker = new CompatibilityChecker();

  public RegistryService(SchemaStore store, SchemaLog log) {
    this.store = store;
    this.log = log;
  }

  /** Registers a schema under a subject; an already registered schema returns its existing version. */
  public synchronized SchemaStore.Entry register(String subject, SchemaRequest request) {
    Schema schema = parse(request);
    Optional<SchemaStore.Entry> existing = store.find(subject, schema, false);
    if (existing.isPresent()) {
      return existing.get();
    }
    CompatibilityResult result =
        checker.check(store.effectiveCompatibility(subject), schema, store.liveSchemas(subject));
    if (!result.compatible()) {
      throw RegistryException.incompatible(subject, String.join("; ", result.messages()));
    }
    SchemaRecord.SubjectVersion record = store.newVersion(subject, schema);
    write(record);
    return store.version(subject, record.version(), false).orElseThrow();
  }

  public SchemaStore.Entry lookup(String subject, SchemaRequest request, boolean includeDeleted) {
    Schema schema = parse(request);
    if (store.entries(subject, includeDeleted).isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return store.find(subject, schema, includeDeleted).orElseThrow(
        () -> RegistryException.schemaNotFound("this schema is not registered under subject '" + subject + "'"));
  }

  public List<String> subjects(boolean includeDeleted) {
    return store.subjects(includeDeleted);
  }

  public List<Integer> versions(String subject, boolean includeDeleted) {
    List<SchemaStore.Entry> entries = store.entries(subject, includeDeleted);
    if (entries.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return entries.stream().map(SchemaStore.Entry::version).toList();
  }

  /** A version by number, {@code latest} or {@code -1}. */
  public SchemaStore.Entry version(String subject, String spec, boolean includeDeleted) {
    int number = parseVersion(spec);
    if (store.entries(subject, includeDeleted).isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    Optional<SchemaStore.Entry> entry =
        number < 0 ? store.latest(subject) : store.version(subject, number, includeDeleted);
    return entry.orElseThrow(() -> RegistryException.versionNotFound(subject, spec));
  }

  public Schema schemaById(int id) {
    return store.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound("no schema with id " + id));
  }

  public List<SchemaStore.Entry> usesOf(int id, boolean includeDeleted) {
    schemaById(id);
    return store.usesOf(id, includeDeleted);
  }

  /** Checks a schema against one version ({@code versionSpec}) or, when null, as registration would. */
  public CompatibilityResult testCompatibility(String subject, String versionSpec, SchemaRequest request) {
    Schema schema = parse(request);
    CompatibilityLevel level = store.effectiveCompatibility(subject);
    if (versionSpec == null) {
      return checker.check(level, schema, store.liveSchemas(subject));
    }
    SchemaStore.Entry target = version(subject, versionSpec, false);
    TreeMap<Integer, Schema> only = new TreeMap<>();
    only.put(target.version(), target.schema());
    return checker.check(level, schema, only);
  }

  public CompatibilityLevel globalCompatibility() {
    return store.globalCompatibility();
  }

  public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    return store.subjectCompatibility(subject);
  }

  /** Sets the level of {@code subject}, or the global level when it is null. */
  public synchronized CompatibilityLevel setCompatibility(String subject, String level) {
    CompatibilityLevel parsed;
    try {
      parsed = CompatibilityLevel.parse(level);
    } catch (IllegalArgumentException e) {
      throw RegistryException.invalidCompatibility(e.getMessage());
    }
    write(new SchemaRecord.CompatibilityConfig(subject, parsed));
    return parsed;
  }

  /** Removes the subject's own level; returns the level it had. */
  public synchronized CompatibilityLevel deleteCompatibility(String subject) {
    CompatibilityLevel previous =
        store.subjectCompatibility(subject).orElseThrow(() -> RegistryException.subjectConfigNotFound(subject));
    write(new SchemaRecord.CompatibilityConfig(subject, null));
    return previous;
  }

  /** Soft-deletes every live version of a subject; returns their numbers. */
  public synchronized List<Integer> deleteSubject(String subject) {
    List<SchemaStore.Entry> live = store.entries(subject, false);
    if (live.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    List<Integer> deleted = new ArrayList<>();
    for (SchemaStore.Entry e : live) {
      write(new SchemaRecord.SubjectVersion(subject, e.version(), e.id(), e.canonical(), true));
      deleted.add(e.version());
    }
    return deleted;
  }

  /** Soft-deletes one version; returns its number. */
  public synchronized int deleteVersion(String subject, String spec) {
    SchemaStore.Entry e = version(subject, spec, false);
    write(new SchemaRecord.SubjectVersion(subject, e.version(), e.id(), e.canonical(), true));
    return e.version();
  }

  private void write(SchemaRecord record) {
    try {
      log.append(record);
    } catch (RuntimeException e) {
      throw RegistryException.storeError("could not write to the schema log: " + e.getMessage(), e);
    }
    store.apply(record);
  }

  /** Only plain Avro schemas: other types and references are refused with 42201, as a registry without them does. */
  private static Schema parse(SchemaRequest request) {
    String type = request.schemaType() == null ? AVRO : request.schemaType();
    if (!AVRO.equalsIgnoreCase(type)) {
      throw RegistryException.invalidSchema(
          "schemaType " + type + " is not supported; this registry supports AVRO only");
    }
    if (request.hasReferences()) {
      throw RegistryException.invalidSchema("schema references are not supported by this registry");
    }
    if (request.schema() == null || request.schema().isBlank()) {
      throw RegistryException.invalidSchema("the request has no 'schema' field");
    }
    try {
      return SchemaStore.parse(request.schema());
    } catch (RuntimeException e) {
      throw RegistryException.invalidSchema(e.getMessage() + " (schema: " + abbreviate(request.schema()) + ")");
    }
  }

  private static int parseVersion(String spec) {
    if ("latest".equalsIgnoreCase(spec) || "-1".equals(spec)) {
      return -1;
    }
    try {
      int v = Integer.parseInt(spec);
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw RegistryException.invalidVersion(spec);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
