package io.olistlakehouse.batch.incremental;

import io.olistlakehouse.config.LakehouseConfig;

/** Where the batch layer reads and writes: {@code batch.*} keys of the configuration. */
public record BatchSettings(String catalog, String bronzeNamespace, String silverNamespace, String goldNamespace) {

  public static final String KEY_PREFIX = "batch.";

  public static BatchSettings fromConfig(LakehouseConfig config) {
    return new BatchSettings(config.get("catalog.name"), config.get(KEY_PREFIX + "bronze.namespace"),
        config.get(KEY_PREFIX + "silver.namespace"), config.get(KEY_PREFIX + "gold.namespace"));
  }

  /** The table of a layer (bronze, silver, gold) by its name. */
  public String table(String layer, String table) {
    return switch (layer) {
      case "bronze" -> bronze(table);
      case "silver" -> silver(table);
      case "gold" -> gold(table);
      default -> throw new IllegalArgumentException("no batch layer '" + layer + "'");
    };
  }

  public String bronze(String table) {
    return catalog + "." + bronzeNamespace + "." + table;
  }

  public String silver(String table) {
    return catalog + "." + silverNamespace + "." + table;
  }

  public String gold(String table) {
    return catalog + "." + goldNamespace + "." + table;
  }
}
