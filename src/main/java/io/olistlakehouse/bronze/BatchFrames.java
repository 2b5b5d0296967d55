package io.olistlakehouse.bronze;

import static org.apache.spark.sql.avro.functions.from_avro;
import static org.apache.spark.sql.functions.col;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/** The Spark plans of a batch: Kafka rows to decoded rows, decoded rows to each table's rows. */
final class BatchFrames {

  private static final String CONTRACT = "contract";
  /** A contract's binary that spark-avro cannot read is a bug of ours, never a reason to write nulls. */
  private static final Map<String, String> FAIL_FAST = Map.of("mode", "FAILFAST");

  private BatchFrames() {}

  static Dataset<Row> decoded(Dataset<Row> kafka, IngestSettings settings) {
    return kafka.selectExpr(DecodePartition.INPUT_COLUMNS)
        .mapPartitions(new DecodePartition(settings.registryUrl(), settings.topics()),
            Encoders.row(BronzeColumns.DECODED));
  }

  /** The rows of a stream's table: the contract's columns from its Avro binary, then the Kafka coordinates. */
  static Dataset<Row> landed(Dataset<Row> decoded, BronzeStream stream) {
    String contract = BronzeContracts.schema(stream).toString();
    List<Column> columns = new ArrayList<>();
    columns.add(from_avro(col(BronzeColumns.CONTRACT_AVRO), contract, FAIL_FAST).as(CONTRACT));
    for (StructField kafka : BronzeColumns.KAFKA_COORDINATES.fields()) {
      columns.add(col(kafka.name()));
    }
    List<Column> flat = new ArrayList<>();
    for (StructField field : BronzeTableSchemas.streamRow(stream).fields()) {
      boolean coordinate = List.of(BronzeColumns.KAFKA_COORDINATES.fieldNames()).contains(field.name());
      flat.add(coordinate ? col(field.name()) : col(CONTRACT + "." + field.name()).as(field.name()));
    }
    return decoded
        .where(col(BronzeColumns.STREAM).equalTo(stream.streamName()).and(col(BronzeColumns.REASON).isNull()))
        .select(columns.toArray(Column[]::new))
        .select(flat.toArray(Column[]::new));
  }

  static Dataset<Row> deadLetters(Dataset<Row> decoded) {
    return decoded.where(col(BronzeColumns.REASON).isNotNull())
        .selectExpr(BronzeTableSchemas.columnNames(BronzeColumns.DEAD_LETTER));
  }
}
