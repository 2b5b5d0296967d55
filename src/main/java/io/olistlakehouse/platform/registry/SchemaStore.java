package io.olistlakehouse.platform.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.avro.Schema;

/**
 * The registry's state in memory: subjects -> versions -> global schema ids, and compatibility settings. It changes
 * only through {@link #apply(SchemaRecord)}, so replaying the schema log rebuilds it exactly, ids included. Methods
 * are synchronized: HTTP threads read while the single writer applies.
 */
public final class SchemaStore {

  /** One version of a subject. */
  public record Entry(String subject, int version, int id, Schema schema, boolean deleted) {
    public String canonical() {
      return schema.toString();
    }
  }

  /** A comparable copy of the whole state (tests compare a replayed store with the original). */
  public record Snapshot(Map<String, List<Entry>> subjects, Map<Integer, String> schemasById, int nextId,
                         CompatibilityLevel global, Map<String, CompatibilityLevel> subjectLevels) {
  }

  private final CompatibilityLevel defaultLevel;
  private final Map<String, TreeMap<Integer, Entry>> subjects = new TreeMap<>();
  private final Map<Integer, Schema> schemasById = new TreeMap<>();
  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new TreeMap<>();
  private CompatibilityLevel globalLevel;
  private int maxId;

  /** @param defaultLevel global level until one is set through the API ({@code registry.default.compatibility}) */
  public SchemaStore(CompatibilityLevel defaultLevel) {
    this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel");
  }

  /** Parses Avro schema text; the canonical form ({@code toString()}) identifies a schema across subjects. */
  public static Schema parse(String schemaText) {
    return new Schema.Parser().parse(schemaText);
  }

  public synchronized void apply(SchemaRecord record) {
    if (record instanceof SchemaRecord.SubjectVersion v) {
      // Reuse the parsed instance of an id already known, so equal schemas share one object.
      Schema schema = schemasById.computeIfAbsent(v.id(), id -> parse(v.schema()));
      idsByCanonical.putIfAbsent(schema.toString(), v.id());
      maxId = Math.max(maxId, v.id());
      subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>())
          .put(v.version(), new Entry(v.subject(), v.version(), v.id(), schema, v.deleted()));
    } else if (record instanceof SchemaRecord.CompatibilityConfig c) {
      if (c.subject() == null) {
        globalLevel = c.level();
      } else if (c.level() == null) {
        subjectLevels.remove(c.subject());
      } else {
        subjectLevels.put(c.subject(), c.level());
      }
    }
  }

  /** The record registering {@code schema} as a new version of {@code subject} (id reused if the schema is known). */
  public synchronized SchemaRecord.SubjectVersion newVersion(String subject, Schema schema) {
    String canonical = schema.toString();
    int id = idsByCanonical.getOrDefault(canonical, maxId + 1);
    TreeMap<Integer, Entry> versions = subjects.get(subject);
    // Versions are never reused, even after a soft delete, as in Confluent.
    int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    return new SchemaRecord.SubjectVersion(subject, version, id, canonical, false);
  }

  /** The version of {@code subject} holding exactly this schema, if any. */
  public synchronized Optional<Entry> find(String subject, Schema schema, boolean includeDeleted) {
    String canonical = schema.toString();
    return entries(subject, includeDeleted).stream().filter(e -> e.canonical().equals(canonical)).findFirst();
  }

  /** Subjects with at least one (live, unless {@code includeDeleted}) version, sorted. */
  public synchronized List<String> subjects(boolean includeDeleted) {
    List<String> out = new ArrayList<>();
    subjects.forEach((name, versions) -> {
      if (versions.values().stream().anyMatch(e -> includeDeleted || !e.deleted())) {
        out.add(name);
      }
    });
    return out;
  }

  /** Versions of a subject, oldest first; empty when the subject is unknown. */
  public synchronized List<Entry> entries(String subject, boolean includeDeleted) {
    TreeMap<Integer, Entry> versions = subjects.get(subject);
    if (versions == null) {
      return List.of();
    }
    Predicate<Entry> wanted = e -> includeDeleted || !e.deleted();
    return versions.values().stream().filter(wanted).toList();
  }

  /** Live versions by number, for compatibility checks. */
  public synchronized NavigableMap<Integer, Schema> liveSchemas(String subject) {
    NavigableMap<Integer, Schema> out = new TreeMap<>();
    entries(subject, false).forEach(e -> out.put(e.version(), e.schema()));
    return out;
  }

  public synchronized Optional<Entry> version(String subject, int version, boolean includeDeleted) {
    TreeMap<Integer, Entry> versions = subjects.get(subject);
    Entry entry = versions == null ? null : versions.get(version);
    return entry == null || (entry.deleted() && !includeDeleted) ? Optional.empty() : Optional.of(entry);
  }

  public synchronized Optional<Entry> latest(String subject) {
    List<Entry> live = entries(subject, false);
    return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
  }

  public synchronized Optional<Schema> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /** Every subject version that uses schema {@code id}. */
  public synchronized List<Entry> usesOf(int id, boolean includeDeleted) {
    List<Entry> out = new ArrayList<>();
    subjects.values().forEach(vs -> vs.values().stream()
        .filter(e -> e.id() == id && (includeDeleted || !e.deleted())).forEach(out::add));
    return out;
  }

  public synchronized CompatibilityLevel globalCompatibility() {
    return globalLevel != null ? globalLevel : defaultLevel;
  }

  public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  /** The level that applies to {@code subject}: its own, else the global one. */
  public synchronized CompatibilityLevel effectiveCompatibility(String subject) {
    return subjectCompatibility(subject).orElseGet(this::globalCompatibility);
  }

  public synchronized Snapshot snapshot() {
    Map<String, List<Entry>> copy = new LinkedHashMap<>();
    subjects.forEach((name, versions) -> copy.put(name, List.copyOf(versions.values())));
    Map<Integer, String> schemas = new LinkedHashMap<>();
    schemasById.forEach((id, schema) -> schemas.put(id, schema.toString()));
    return new Snapshot(copy, schemas, maxId + 1, globalCompatibility(), new TreeMap<>(subjectLevels));
  }
}
