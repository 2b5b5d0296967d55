package io.olistlakehouse.contracts.decode;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.serde.SchemaRegistryClient;
import io.olistlakehouse.serde.SchemaRegistryException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * The schema each stream's records are read into: its contract, plus the fields the latest version registered for
 * its topic adds. A producer that moves to a compatible version with a new field gets that field into bronze as a
 * new column instead of having it dropped; records of older versions read null there. Contract fields keep the
 * contract's definition, so what the jobs downstream read never changes under them. Serializable for Spark tasks.
 */
public final class ReaderSchemas implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SUBJECT_NOT_FOUND = 404;
  private static final Set<Schema.Type> FLAT = EnumSet.of(Schema.Type.STRING, Schema.Type.ENUM, Schema.Type.INT,
      Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE, Schema.Type.BOOLEAN, Schema.Type.BYTES);

  /** Avro JSON of the streams whose reader differs from their contract. */
  private final Map<BronzeStream, String> widened;
  private transient Map<BronzeStream, Schema> parsed;

  private ReaderSchemas(Map<BronzeStream, String> widened) {
    this.widened = widened.isEmpty() ? Map.of() : new EnumMap<>(widened);
  }

  /** Every stream read into its contract as it is. */
  public static ReaderSchemas contracts() {
    return new ReaderSchemas(Map.of());
  }

  /** Each contract widened by its subject's latest version; a subject not registered yet leaves the contract. */
  public static ReaderSchemas latest(SchemaRegistryClient registry, BronzeTopics topics) {
    Map<BronzeStream, String> widened = new EnumMap<>(BronzeStream.class);
    for (BronzeStream stream : BronzeStream.values()) {
      Schema latest;
      try {
        latest = registry.latest(BronzeTopics.valueSubject(topics.topic(stream))).schema();
      } catch (SchemaRegistryException e) {
        if (e.status() == SUBJECT_NOT_FOUND) {
          continue;
        }
        throw e;
      }
      Schema contract = BronzeContracts.schema(stream);
      Schema reader = widen(contract, latest);
      if (reader != contract) {
        widened.put(stream, reader.toString());
      }
    }
    return new ReaderSchemas(widened);
  }

  public synchronized Schema schema(BronzeStream stream) {
    if (parsed == null) {
      parsed = new EnumMap<>(BronzeStream.class);
      widened.forEach((s, json) -> parsed.put(s, new Schema.Parser().parse(json)));
    }
    return parsed.getOrDefault(stream, BronzeContracts.schema(stream));
  }

  /** The streams read into more than their contract. */
  public Set<BronzeStream> widenedStreams() {
    return widened.keySet();
  }

  /** Equal for equal readers: decoders are cached by it. */
  public String key() {
    return new TreeMap<>(widened).toString();
  }

  /**
   * The contract followed by the fields of {@code latest} it does not have, each optional: a field without a default
   * becomes a union with null, defaulting to null, so that records written before it still resolve. Bronze columns
   * are flat: a new field of a nested type (a record, an array, a map) is left out, and its records land without it.
   * The contract itself when {@code latest} adds nothing bronze can hold.
   */
  public static Schema widen(Schema contract, Schema latest) {
    List<Schema.Field> added = new ArrayList<>();
    for (Schema.Field field : latest.getFields()) {
      if (contract.getField(field.name()) == null && flat(field.schema())) {
        added.add(field.hasDefaultValue() ? new Schema.Field(field, field.schema())
            : new Schema.Field(field.name(), nullable(field.schema()), field.doc(), JsonProperties.NULL_VALUE));
      }
    }
    if (added.isEmpty()) {
      return contract;
    }
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : contract.getFields()) {
      fields.add(new Schema.Field(field, field.schema())); // a field belongs to one schema: copied
    }
    fields.addAll(added);
    Schema reader = Schema.createRecord(contract.getName(), contract.getDoc(), contract.getNamespace(), false, fields);
    contract.getObjectProps().forEach(reader::addProp);
    return reader;
  }

  /** A primitive or an enum, alone or with null: what one bronze column holds. */
  private static boolean flat(Schema type) {
    List<Schema> values = type.getType() == Schema.Type.UNION
        ? type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList() : List.of(type);
    return values.size() == 1 && FLAT.contains(values.get(0).getType());
  }

  /** The type as a union whose first branch is null, which a null default requires. */
  private static Schema nullable(Schema type) {
    List<Schema> branches = new ArrayList<>();
    branches.add(Schema.create(Schema.Type.NULL));
    List<Schema> others = type.getType() == Schema.Type.UNION ? type.getTypes() : List.of(type);
    others.stream().filter(t -> t.getType() != Schema.Type.NULL).forEach(branches::add);
    return Schema.createUnion(branches);
  }
}
