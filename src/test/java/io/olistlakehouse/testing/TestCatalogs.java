package io.olistlakehouse.testing;

import java.util.Map;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.inmemory.InMemoryCatalog;

/** Iceberg's in-memory catalog (tables and files in memory) for unit tests of code that commits or writes files. */
public final class TestCatalogs {

  private TestCatalogs() {}

  /** A fresh catalog holding one empty namespace. */
  public static InMemoryCatalog withNamespace(String namespace) {
    InMemoryCatalog catalog = new InMemoryCatalog();
    catalog.initialize("test", Map.of());
    catalog.createNamespace(Namespace.of(namespace));
    return catalog;
  }
}
