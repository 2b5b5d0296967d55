package io.olistlakehouse.bronze;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.ReaderSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import io.olistlakehouse.bronze.BronzePartitioning.Granularity;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdatePartitionSpec;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.types.Types;

/**
 * The ten bronze tables (nine streams and {@code dead_letter}) of one namespace: created when absent, given columns
 * a newer contract added, kept in line with the configured write settings. Nothing here drops a table or a column.
 */
public final class BronzeTables {

  public static final String DEAD_LETTER = "dead_letter";

  private final Catalog catalog;
  private final IngestSettings settings;

  public BronzeTables(Catalog catalog, IngestSettings settings) {
    this.catalog = catalog;
    this.settings = settings;
  }

  public TableIdentifier identifier(BronzeStream stream) {
    return TableIdentifier.of(settings.stream().namespace(), stream.streamName());
  }

  public TableIdentifier deadLetter() {
    return TableIdentifier.of(settings.stream().namespace(), DEAD_LETTER);
  }

  /** The nine stream tables, then the dead-letter table. */
  public List<TableIdentifier> all() {
    List<TableIdentifier> all = new ArrayList<>();
    for (BronzeStream stream : BronzeStream.values()) {
      all.add(identifier(stream));
    }
    all.add(deadLetter());
    return all;
  }

  public Table load(TableIdentifier table) {
    return catalog.loadTable(table);
  }

  /** Creates the namespace and whatever table is missing; evolves and re-tunes those that exist. */
  public void ensureAll() {
    Namespace namespace = Namespace.of(settings.stream().namespace());
    if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(namespace)) {
      try {
        namespaces.createNamespace(namespace);
      } catch (AlreadyExistsException raced) {
        // another process created it first: what we wanted
      }
    }
    for (BronzeStream stream : BronzeStream.values()) {
      ensure(identifier(stream), BronzeTableSchemas.streamTable(stream));
    }
    ensure(deadLetter(), BronzeTableSchemas.deadLetterTable());
  }

  private void ensure(TableIdentifier id, Schema schema) {
    Table table;
    Granularity granularity = settings.partitioning().of(id.name());
    if (!catalog.tableExists(id)) {
      try {
        catalog.createTable(id, schema, granularity.spec(schema), tableProperties());
        return;
      } catch (AlreadyExistsException raced) {
        // created meanwhile by another process; treat it as existing
      }
    }
    table = catalog.loadTable(id);
    addMissingColumns(table, schema);
    repartition(table, granularity);
    retune(table);
  }

  /** Gives each stream table read into more than its contract a column for every field the reader adds. */
  public void addColumns(ReaderSchemas readers) {
    for (BronzeStream stream : readers.widenedStreams()) {
      addMissingColumns(load(identifier(stream)), BronzeTableSchemas.streamTable(readers.schema(stream)));
    }
  }

  /**
   * Moves a table to the configured granularity by Iceberg partition evolution: only new files take the new spec,
   * files already written keep theirs, and nothing is rewritten (readers plan each file by its own spec).
   */
  static void repartition(Table table, Granularity granularity) {
    PartitionSpec wanted = granularity.spec(table.schema());
    if (table.spec().compatibleWith(wanted)) {
      return;
    }
    UpdatePartitionSpec update = table.updateSpec();
    for (PartitionField field : table.spec().fields()) {
      update.removeField(field.name());
    }
    if (granularity.term() != null) {
      update.addField(granularity.term());
    }
    update.commit();
  }

  /** Columns of a newer contract or reader are added (optional); columns it no longer has stay. */
  private static void addMissingColumns(Table table, Schema wanted) {
    Set<String> present = table.schema().columns().stream().map(Types.NestedField::name).collect(Collectors.toSet());
    if (!wanted.columns().stream().allMatch(c -> present.contains(c.name()))) {
      table.updateSchema().unionByNameWith(wanted).commit();
    }
  }

  private void retune(Table table) {
    Map<String, String> wanted = tableProperties();
    wanted.remove(TableProperties.FORMAT_VERSION); // set at creation; never downgraded or upgraded here
    UpdateProperties update = table.updateProperties();
    boolean changed = false;
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      if (!e.getValue().equals(table.properties().get(e.getKey()))) {
        update.set(e.getKey(), e.getValue());
        changed = true;
      }
    }
    if (changed) {
      update.commit();
    }
  }

  Map<String, String> tableProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(TableProperties.FORMAT_VERSION, "2");
    p.put(TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, Long.toString(settings.targetFileSizeBytes()));
    p.put(TableProperties.DEFAULT_FILE_FORMAT, settings.fileFormat());
    p.put(TableProperties.AVRO_COMPRESSION, settings.fileCompression());
    p.put(TableProperties.PARQUET_COMPRESSION, settings.fileCompression());
    // For Spark writes to these tables (backfills, compaction): rows shuffled by partition, one file per partition
    // and task.
    p.put(TableProperties.WRITE_DISTRIBUTION_MODE, TableProperties.WRITE_DISTRIBUTION_MODE_HASH);
    p.put(TableProperties.SPARK_WRITE_PARTITIONED_FANOUT_ENABLED, "true");
    // A streaming job commits often: keep the metadata.json history bounded.
    p.put(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
    p.put(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "100");
    return p;
  }
}
