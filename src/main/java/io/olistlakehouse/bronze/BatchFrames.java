package io.olistlakehouse.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The Spark plan of a batch: Kafka rows to decoded rows, grouped and ordered the way the table files are written. */
final class BatchFrames {

  /** Appended to the decoded row: the name of the table the row lands in (a stream's, or the dead-letter table). */
  static final String TABLE = "table_name";

  private BatchFrames() {}

  /**
   * Decoded rows with their table, shuffled so that each (table, day) is in one task and sorted by it there: a task
   * then writes one file per table and day with one file open at a time.
   */
  static Dataset<Row> clustered(Dataset<Row> kafka, IngestSettings settings) {
    Dataset<Row> decoded = DecodePartition.decoded(kafka, settings.registryUrl(), settings.topics());
    return decoded
        .withColumn(TABLE, when(col(BronzeColumns.REASON).isNull(), col(BronzeColumns.STREAM))
            .otherwise(lit(BronzeTables.DEAD_LETTER)))
        .repartition(col(TABLE), col(BronzeColumns.EVENT_DAY))
        .sortWithinPartitions(TABLE, BronzeColumns.EVENT_DAY);
  }
}
