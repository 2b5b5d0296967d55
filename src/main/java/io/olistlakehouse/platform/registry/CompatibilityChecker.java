package io.olistlakehouse.platform.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility rules on top of Avro's own reader/writer resolution check. BACKWARD: the new schema
 * (reader) reads data written with the latest version (writer); FORWARD: the reverse; FULL: both; the TRANSITIVE
 * variants check every earlier version instead of the latest only.
 */
public final class CompatibilityChecker {

  /**
   * Checks {@code candidate} against the earlier versions of a subject.
   *
   * @param earlier live versions of the subject, by version number (may be empty)
   */
  public CompatibilityResult check(CompatibilityLevel level, Schema candidate, NavigableMap<Integer, Schema> earlier) {
    if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
      return CompatibilityResult.ok();
    }
    Map<Integer, Schema> targets = level.transitive() ? earlier.descendingMap() : Map.ofEntries(earlier.lastEntry());
    List<String> messages = new ArrayList<>();
    targets.forEach((version, old) -> {
      String oldName = "version " + version;
      if (level.checksBackward()) {
        messages.addAll(problems(candidate, "the new schema", old, oldName));
      }
      if (level.checksForward()) {
        messages.addAll(problems(old, oldName, candidate, "the new schema"));
      }
    });
    return new CompatibilityResult(messages.isEmpty(), messages);
  }

  /** Checks one direction only: can {@code reader} decode data written with {@code writer}? */
  public List<String> problems(Schema reader, String readerName, Schema writer, String writerName) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Incompatibility problem : result.getIncompatibilities()) {
      String field = FieldPaths.fieldAt(reader, problem.getLocation());
      if (field.isEmpty() && problem.getReaderFragment() != reader) {
        field = disagreeingFields(reader, writer);
      }
      out.add(describe(problem, field, readerName, writerName));
    }
    return out;
  }

  /**
   * Avro reports a problem found inside a writer's union (an optional field retyped) at "/", the record itself:
   * the record's fields whose types disagree are where it is.
   */
  private static String disagreeingFields(Schema reader, Schema writer) {
    if (reader.getType() != Schema.Type.RECORD || writer.getType() != Schema.Type.RECORD) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (Schema.Field field : reader.getFields()) {
      Schema.Field written = writer.getField(field.name());
      if (written != null && SchemaCompatibility.checkReaderWriterCompatibility(field.schema(), written.schema())
          .getType() == SchemaCompatibilityType.INCOMPATIBLE) {
        names.add(field.name());
      }
    }
    return String.join("', '", names);
  }

  // e.g. "READER_FIELD_MISSING_DEFAULT_VALUE at /fields/2: field 'x' of the new schema has no default value ..."
  private static String describe(Incompatibility problem, String field, String readerName, String writerName) {
    String location = problem.getLocation();
    String prefix = problem.getType() + " at " + location + ": ";
    String subject = field.isEmpty() ? "the record" : "field '" + field + "'";
    switch (problem.getType()) {
      case READER_FIELD_MISSING_DEFAULT_VALUE:
        return prefix + subject + " of " + readerName + " has no default value and is missing from " + writerName
            + ", so " + readerName + " cannot read data written with " + writerName;
      case TYPE_MISMATCH:
        return prefix + subject + " has type " + typeOf(problem.getReaderFragment()) + " in " + readerName
            + " but " + typeOf(problem.getWriterFragment()) + " in " + writerName + " (" + problem.getMessage() + ")";
      case MISSING_UNION_BRANCH:
        return prefix + subject + ": the union in " + readerName + " has no branch for a type " + writerName
            + " can write (" + problem.getMessage() + ")";
      case MISSING_ENUM_SYMBOLS:
        return prefix + subject + ": enum symbols " + problem.getMessage() + " of " + writerName
            + " are missing from " + readerName + " (and it has no enum default)";
      default:
        return prefix + subject + ": " + problem.getMessage() + " (reading " + writerName + " data with "
            + readerName + ")";
    }
  }

  private static String typeOf(Schema fragment) {
    if (fragment == null) {
      return "?";
    }
    if (fragment.getLogicalType() != null) {
      return fragment.getType().getName() + " (" + fragment.getLogicalType().getName() + ")";
    }
    Schema.Type type = fragment.getType();
    boolean named = type == Schema.Type.RECORD || type == Schema.Type.ENUM || type == Schema.Type.FIXED;
    if (named) {
      return type.getName() + " " + fragment.getFullName();
    }
    boolean composite = type == Schema.Type.UNION || type == Schema.Type.ARRAY || type == Schema.Type.MAP;
    return composite ? fragment.toString() : type.getName();
  }
}
