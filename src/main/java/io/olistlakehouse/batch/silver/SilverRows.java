package io.olistlakehouse.batch.silver;

import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.BronzeColumns;
import io.olistlakehouse.portfolio.CategoryNames;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/** Row rules every silver job shares: lineage back to the bronze row, and picking one row per key. */
final class SilverRows {

  static final String BRONZE_TABLE = "bronze_table";
  static final String BRONZE_PARTITION = "bronze_partition";
  static final String BRONZE_OFFSET = "bronze_offset";
  static final String LINEAGE_DDL = "event_time TIMESTAMP, bronze_table STRING, bronze_partition INT, "
      + "bronze_offset BIGINT";

  private SilverRows() {}

  /** The columns, then the event time and the Kafka coordinates of the bronze row they come from. */
  static Column[] withLineage(BronzeStream stream, Column... columns) {
    Column[] all = Arrays.copyOf(columns, columns.length + 4);
    all[columns.length] = functions.col(BronzeColumns.EVENT_TIME);
    all[columns.length + 1] = functions.lit(stream.streamName()).as(BRONZE_TABLE);
    all[columns.length + 2] = functions.col(BronzeColumns.KAFKA_PARTITION).as(BRONZE_PARTITION);
    all[columns.length + 3] = functions.col(BronzeColumns.KAFKA_OFFSET).as(BRONZE_OFFSET);
    return all;
  }

  /**
   * One row per key: the first in the given order, with the bronze coordinates as the tie-break, so a full and an
   * incremental run pick the same row whatever order the files are read in.
   */
  static Dataset<Row> firstPerKey(Dataset<Row> rows, List<String> keys, Column... order) {
    Column[] ordering = new Column[order.length + 3];
    System.arraycopy(order, 0, ordering, 0, order.length);
    ordering[order.length] = functions.col(BRONZE_TABLE).asc();
    ordering[order.length + 1] = functions.col(BRONZE_PARTITION).asc();
    ordering[order.length + 2] = functions.col(BRONZE_OFFSET).asc();
    String rank = "_silver_rank";
    return rows.withColumn(rank, functions.row_number().over(Window.partitionBy(
            keys.stream().map(functions::col).toArray(Column[]::new)).orderBy(ordering)))
        .where(functions.col(rank).equalTo(1)).drop(rank);
  }

  /** The category in English by {@link CategoryNames}, from bronze's Portuguese and translated names. */
  static Column categoryInEnglish(Column portuguese, Column translated) {
    Column mapped = null;
    for (Map.Entry<String, String> e : CategoryNames.MISSING_TRANSLATIONS.entrySet()) {
      mapped = mapped == null ? functions.when(portuguese.equalTo(e.getKey()), e.getValue())
          : mapped.when(portuguese.equalTo(e.getKey()), e.getValue());
    }
    return functions.coalesce(translated, mapped, portuguese, functions.lit(CategoryNames.UNKNOWN));
  }

  /** The latest version of each key: the last event time wins (a product, a customer, a review updated). */
  static Dataset<Row> latestPerKey(Dataset<Row> rows, List<String> keys) {
    return firstPerKey(rows, keys, functions.col(BronzeColumns.EVENT_TIME).desc_nulls_last(),
        functions.col(BRONZE_PARTITION).desc(), functions.col(BRONZE_OFFSET).desc());
  }
}
