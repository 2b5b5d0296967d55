package io.olistlakehouse.contracts.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * What Avro's resolution does not check: logical types. A writer's {@code decimal(12,3)} resolves silently into a
 * contract's {@code decimal(12,2)} (both are bytes) and would land ten times too large; timestamp-micros into
 * timestamp-millis a thousand times too late. Fields of the contract the writer also has must agree: same logical
 * type, and a decimal of the same scale and no more precision.
 */
public final class ContractConformance {

  private ContractConformance() {}

  /** The disagreements, one line per field; empty when the writer's data means what the contract says. */
  public static List<String> problems(Schema writer, Schema contract) {
    List<String> problems = new ArrayList<>();
    for (Schema.Field field : contract.getFields()) {
      Schema.Field written = writer.getField(field.name());
      if (written == null) {
        continue; // resolution already demanded a default for it
      }
      Schema want = valueBranch(field.schema());
      for (Schema branch : valueBranches(written.schema())) {
        if (branch.getType() == want.getType()) {
          String problem = compare(branch.getLogicalType(), want.getLogicalType());
          if (problem != null) {
            problems.add(field.name() + ": " + problem);
          }
        }
      }
    }
    return problems;
  }

  private static String compare(LogicalType written, LogicalType wanted) {
    if (written instanceof LogicalTypes.Decimal w && wanted instanceof LogicalTypes.Decimal c) {
      if (w.getScale() != c.getScale() || w.getPrecision() > c.getPrecision()) {
        return "written as " + describe(w) + ", the contract says " + describe(c);
      }
      return null;
    }
    return Objects.equals(name(written), name(wanted)) ? null
        : "written as " + describe(written) + ", the contract says " + describe(wanted);
  }

  private static String name(LogicalType type) {
    return type == null ? null : type.getName();
  }

  private static String describe(LogicalType type) {
    if (type instanceof LogicalTypes.Decimal d) {
      return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    return type == null ? "no logical type" : type.getName();
  }

  private static Schema valueBranch(Schema schema) {
    List<Schema> branches = valueBranches(schema);
    return branches.isEmpty() ? schema : branches.get(0);
  }

  private static List<Schema> valueBranches(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return List.of(schema);
    }
    return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
  }
}
