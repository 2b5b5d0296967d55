package io.olistlakehouse.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/** The Spark plan of a batch: Kafka rows to encoded table rows, grouped the way the table files are written. */
final class BatchFrames {

  /** A 64-bit hash of (table, partition path): what rows are shuffled and sorted by. */
  static final String GROUP = "file_group";

  private BatchFrames() {}

  /**
   * Encoded rows shuffled so that each (table, partition) is in one task, and sorted there so that its rows come
   * together: a task then writes one file per table and partition with one file open at a time. Sorting by a single
   * long lets Spark radix-sort; two groups whose hashes collide only share a run of rows, which the writer splits by
   * their partition paths.
   */
  static Dataset<Row> clustered(Dataset<Row> kafka, String registryUrl, BronzeTopics topics,
      Map<String, Table> tables) {
    return kafka.selectExpr(KafkaCoordinates.SOURCE_COLUMNS)
        .mapPartitions(new EncodePartition(registryUrl, topics, tables), Encoders.row(EncodePartition.ENCODED))
        .withColumn(GROUP, xxhash64(col(EncodePartition.TABLE), col(EncodePartition.PARTITION)))
        .repartition(col(GROUP))
        .sortWithinPartitions(GROUP);
  }
}
