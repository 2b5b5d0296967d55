package io.olistlakehouse.bronze;

import io.olistlakehouse.contracts.BronzeContracts;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.BronzeColumns;
import java.util.Arrays;
import org.apache.iceberg.Schema;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.avro.SchemaConverters;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Table layouts of bronze. A stream table has its contract's columns (as spark-avro reads the contract, so what
 * {@code from_avro} produces is exactly what the table holds) plus the Kafka coordinates, and is partitioned by
 * event time ({@link BronzePartitioning}). Columns are optional in the table even where the contract requires them:
 * decoding enforces the contract, and a later contract version that drops a field must still fit the table that
 * keeps it.
 */
public final class BronzeTableSchemas {

  private BronzeTableSchemas() {}

  /** The Spark row layout of a stream table. */
  public static StructType streamRow(BronzeStream stream) {
    return streamRow(BronzeContracts.schema(stream));
  }

  /** The row layout of a stream table whose records are read into {@code reader} (a contract, or one widened). */
  public static StructType streamRow(org.apache.avro.Schema reader) {
    StructType contract = (StructType) SchemaConverters.toSqlType(reader).dataType();
    StructType row = new StructType();
    for (StructField field : contract.fields()) {
      row = row.add(field.name(), field.dataType(), true, field.metadata());
    }
    for (StructField field : BronzeColumns.KAFKA_COORDINATES.fields()) {
      row = row.add(field);
    }
    return row;
  }

  public static Schema streamTable(BronzeStream stream) {
    return SparkSchemaUtil.convert(streamRow(stream));
  }

  public static Schema streamTable(org.apache.avro.Schema reader) {
    return SparkSchemaUtil.convert(streamRow(reader));
  }

  public static Schema deadLetterTable() {
    return SparkSchemaUtil.convert(BronzeColumns.DEAD_LETTER);
  }

  /** The names of a Spark row layout, for selecting columns in table order. */
  public static String[] columnNames(StructType row) {
    return Arrays.stream(row.fields()).map(StructField::name).toArray(String[]::new);
  }
}
