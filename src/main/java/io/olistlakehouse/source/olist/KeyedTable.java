package io.olistlakehouse.source.olist;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The accepted rows of one file by primary key, with the line each came from (to name it in a duplicate's reason)
 * and the keys of rejected rows (so a reference to one says so rather than "unknown").
 */
final class KeyedTable<T> {

  private final OlistFile file;
  private final String keyColumn;
  private final Map<String, T> rows = new HashMap<>();
  private final Map<String, Long> lines = new HashMap<>();
  private final Set<String> rejectedKeys = new HashSet<>();

  KeyedTable(OlistFile file, String keyColumn) {
    this.file = file;
    this.keyColumn = keyColumn;
  }

  void put(String key, long line, T row) throws RejectedRow {
    Long first = lines.putIfAbsent(key, line);
    if (first != null) {
      throw new RejectedRow("duplicate " + keyColumn + " '" + key + "' (first on line " + first + ")");
    }
    rows.put(key, row);
  }

  /** Remembers that a row with this key was rejected, unless an accepted row has it. */
  void markRejected(String key) {
    if (!rows.containsKey(key)) {
      rejectedKeys.add(key);
    }
  }

  /** The row a foreign key refers to; {@code column} is the referring column, for the reason. */
  T require(String key, String column) throws RejectedRow {
    T row = rows.get(key);
    if (row != null) {
      return row;
    }
    if (rejectedKeys.contains(key)) {
      throw new RejectedRow(column + " '" + key + "' refers to a rejected row of " + file.fileName());
    }
    throw new RejectedRow(column + " '" + key + "' is unknown: no such row in " + file.fileName());
  }

  T get(String key) {
    return rows.get(key);
  }

  Collection<T> values() {
    return rows.values();
  }

  int size() {
    return rows.size();
  }
}
