package io.olistlakehouse.serve;

import java.util.List;

/**
 * What the serving views need to know of the catalog when they are rendered: whether a table exists yet, and the
 * tables of a namespace (the pipeline-health views read every table of a layer).
 */
@FunctionalInterface
public interface LakehouseTables {

  /** {@code table} is qualified: catalog.namespace.table. */
  boolean exists(String table);

  /** The table names in {@code namespace} (catalog.namespace), sorted; none when it does not exist. */
  default List<String> list(String namespace) {
    return List.of();
  }
}
