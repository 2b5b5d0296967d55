package io.olistlakehouse.platform.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Turns the location of an Avro incompatibility ({@code /fields/1/type/fields/0}) into the dotted field name a user
 * recognises ({@code address.city}), by walking the reader schema along the location.
 */
final class FieldPaths {

  private FieldPaths() {
  }

  /** The dotted field path, or "" when the location names no field (e.g. the top-level record). */
  static String fieldAt(Schema schema, String location) {
    List<String> names = new ArrayList<>();
    String[] parts = location == null ? new String[0] : location.split("/");
    Schema current = schema;
    for (int i = 0; i < parts.length && current != null; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.equals("type") || part.equals("name")) {
        continue;
      }
      if (part.equals("fields") && i + 1 < parts.length && current.getType() == Schema.Type.RECORD) {
        int index = parseIndex(parts[++i]);
        if (index < 0 || index >= current.getFields().size()) {
          break;
        }
        Schema.Field field = current.getFields().get(index);
        names.add(field.name());
        current = field.schema();
      } else if (part.equals("items") && current.getType() == Schema.Type.ARRAY) {
        current = current.getElementType();
      } else if (part.equals("values") && current.getType() == Schema.Type.MAP) {
        current = current.getValueType();
      } else if (current.getType() == Schema.Type.UNION) {
        int index = parseIndex(part);
        // The index may refer to the writer's union; descend only when it makes sense for the reader.
        current = index >= 0 && index < current.getTypes().size() ? current.getTypes().get(index) : null;
      } else {
        break;
      }
    }
    return String.join(".", names);
  }

  private static int parseIndex(String part) {
    try {
      return Integer.parseInt(part);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
