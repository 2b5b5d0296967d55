package io.olistlakehouse.smoke;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The platform's smoke job: creates an Iceberg table on the S3 API (once), appends this run's rows, reads them back,
 * and time-travels to the table's first snapshot. It never drops or rewrites data, so every run adds a snapshot.
 */
public final class SmokeJob {

  public static final String TABLE = "lakehouse.smoke.platform_check";

  /** What one run did and saw. */
  public record Result(String table, String location, long runRows, long runRowsReadBack, long totalRows,
      long snapshots, long firstSnapshotId, long firstSnapshotRows, long currentSnapshotId) {}

  private final SparkSession spark;

  public SmokeJob(SparkSession spark) {
    this.spark = spark;
  }

  public Result run(String runId, int rows) {
    spark.sql("CREATE NAMESPACE IF NOT EXISTS lakehouse.smoke");
    spark.sql("CREATE TABLE IF NOT EXISTS " + TABLE
        + " (run_id STRING, seq INT, amount DECIMAL(12,2), written_at TIMESTAMP) USING iceberg"
        + " TBLPROPERTIES ('format-version'='2')");
    spark.range(rows).selectExpr(
            "'" + runId.replace("'", "") + "' AS run_id",
            "CAST(id AS INT) AS seq",
            "CAST(id * 10.25 AS DECIMAL(12,2)) AS amount",
            "current_timestamp() AS written_at")
        .createOrReplaceTempView("smoke_rows");
    spark.sql("INSERT INTO " + TABLE + " SELECT * FROM smoke_rows");

    long readBack = count("SELECT * FROM " + TABLE + " WHERE run_id = '" + runId.replace("'", "") + "'");
    long total = count("SELECT * FROM " + TABLE);
    List<Row> history = spark.sql("SELECT snapshot_id FROM " + TABLE + ".snapshots ORDER BY committed_at")
        .collectAsList();
    long first = history.get(0).getLong(0);
    long current = history.get(history.size() - 1).getLong(0);
    long firstRows = count("SELECT * FROM " + TABLE + " VERSION AS OF " + first);
    String location = spark.sql("SELECT file_path FROM " + TABLE + ".files LIMIT 1").first().getString(0);
    return new Result(TABLE, location, rows, readBack, total, history.size(), first, firstRows, current);
  }

  private long count(String query) {
    return spark.sql(query).count();
  }
}
