package io.olistlakehouse.platform.registry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * One state change of the registry, as appended to the schema log. Each record carries everything needed to replay it
 * (ids included), and the latest record per {@link #key()} describes that key completely, so the log can be a
 * compacted Kafka topic.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SchemaRecord.SubjectVersion.class, name = "SCHEMA"),
    @JsonSubTypes.Type(value = SchemaRecord.CompatibilityConfig.class, name = "CONFIG")
})
public sealed interface SchemaRecord {

  /** The compaction key: a later record with the same key supersedes an earlier one. */
  @JsonIgnore
  String key();

  /**
   * A schema registered as {@code version} of {@code subject} with global id {@code id}; rewritten with
   * {@code deleted = true} on soft delete (the id stays resolvable, as in Confluent).
   *
   * @param schema the canonical schema text (the parsed Avro schema's {@code toString()})
   */
  record SubjectVersion(String subject, int version, int id, String schema, boolean deleted) implements SchemaRecord {
    public SubjectVersion {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(schema, "schema");
    }

    @Override
    public String key() {
      return "SCHEMA/" + subject + "/" + version;
    }
  }

  /**
   * The compatibility level of {@code subject}, or the global one when {@code subject} is null; a null {@code level}
   * removes the setting (back to the global level, or to the configured default for the global one).
   */
  record CompatibilityConfig(String subject, CompatibilityLevel level) implements SchemaRecord {
    @Override
    public String key() {
      return subject == null ? "CONFIG" : "CONFIG/" + subject;
    }
  }
}
