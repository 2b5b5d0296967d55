package io.olistlakehouse.bronze;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.BronzeColumns;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.expressions.Term;

/**
 * How coarsely each bronze table is partitioned by event time, from {@code ingest.partition.granularity} (the
 * stream tables' default) and {@code ingest.partition.granularity.<table>} (one table, dead_letter included). A
 * partition is a directory and at least one data file per micro-batch that reaches it, so the granularity follows
 * the data's volume: Olist's ~130 orders a day would make day partitions of a few hundred rows.
 */
public record BronzePartitioning(Map<String, Granularity> byTable) {

  public static final String KEY = "ingest.partition.granularity";

  /** The event-time transforms a bronze table can be partitioned by; NONE leaves it unpartitioned. */
  public enum Granularity {
    NONE, YEAR, MONTH, DAY, HOUR;

    static Granularity parse(String key, String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + "=" + value + ": expected none, year, month, day or hour");
      }
    }

    /** The transform as a partition term, null for NONE. */
    Term term() {
      return switch (this) {
        case NONE -> null;
        case YEAR -> Expressions.year(BronzeColumns.EVENT_TIME);
        case MONTH -> Expressions.month(BronzeColumns.EVENT_TIME);
        case DAY -> Expressions.day(BronzeColumns.EVENT_TIME);
        case HOUR -> Expressions.hour(BronzeColumns.EVENT_TIME);
      };
    }

    PartitionSpec spec(Schema schema) {
      PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
      return switch (this) {
        case NONE -> PartitionSpec.unpartitioned();
        case YEAR -> spec.year(BronzeColumns.EVENT_TIME).build();
        case MONTH -> spec.month(BronzeColumns.EVENT_TIME).build();
        case DAY -> spec.day(BronzeColumns.EVENT_TIME).build();
        case HOUR -> spec.hour(BronzeColumns.EVENT_TIME).build();
      };
    }
  }

  public static BronzePartitioning from(LakehouseConfig config) {
    Granularity streams = Granularity.parse(KEY, config.get(KEY));
    Map<String, Granularity> byTable = new LinkedHashMap<>();
    for (BronzeStream stream : BronzeStream.values()) {
      byTable.put(stream.streamName(), of(config, stream.streamName(), streams));
    }
    // Dead letters are few and read by people looking for them: unpartitioned unless configured.
    byTable.put(BronzeTables.DEAD_LETTER, of(config, BronzeTables.DEAD_LETTER, Granularity.NONE));
    return new BronzePartitioning(Map.copyOf(byTable));
  }

  private static Granularity of(LakehouseConfig config, String table, Granularity fallback) {
    String key = KEY + "." + table;
    String value = config.get(key, "");
    return value.isBlank() ? fallback : Granularity.parse(key, value);
  }

  public Granularity of(String table) {
    Granularity granularity = byTable.get(table);
    if (granularity == null) {
      throw new IllegalArgumentException("not a bronze table: " + table);
    }
    return granularity;
  }

  /** The spec a table of this schema should have now. */
  public PartitionSpec spec(String table, Schema schema) {
    return of(table).spec(schema);
  }
}
