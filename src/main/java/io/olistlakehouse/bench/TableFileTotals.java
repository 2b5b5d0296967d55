package io.olistlakehouse.bench;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/** Live data files of every table in a namespace, from each current snapshot's running totals. */
record TableFileTotals(long count, long bytes) {

  static TableFileTotals of(Catalog catalog, String namespace) {
    long count = 0;
    long bytes = 0;
    for (TableIdentifier id : catalog.listTables(Namespace.of(namespace))) {
      Snapshot current = catalog.loadTable(id).currentSnapshot();
      if (current != null) {
        count += Long.parseLong(current.summary().getOrDefault("total-data-files", "0"));
        bytes += Long.parseLong(current.summary().getOrDefault("total-files-size", "0"));
      }
    }
    return new TableFileTotals(count, bytes);
  }

  double meanBytes() {
    return count == 0 ? 0 : (double) bytes / count;
  }
}
