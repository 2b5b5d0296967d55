package io.olistlakehouse.batch.gold;

import static org.apache.spark.sql.functions.col;

import io.olistlakehouse.batch.incremental.BatchInputs;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.Columns;
import io.olistlakehouse.batch.incremental.SourceTable;
import io.olistlakehouse.batch.incremental.TargetTable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold.dim_user_location: customers and sellers with the latitude and longitude of their zip prefix, its flag for
 * points outside Brazil, and their city and state. A user is touched when it or its zip prefix's coordinate changes.
 */
public final class UserLocationJob extends GoldJob {

  private static final List<String> KEY = List.of("user_type", "user_id");

  public UserLocationJob(BatchSettings settings) {
    super(settings);
  }

  @Override
  protected String table() {
    return "dim_user_location";
  }

  @Override
  public TargetTable target() {
    return new TargetTable(targetName(), "user_type STRING, user_id STRING, customer_unique_id STRING, "
        + "zip_code_prefix STRING, city STRING, state STRING, lat DOUBLE, lng DOUBLE, geo_in_brazil BOOLEAN",
        KEY, KEY, null, null, false);
  }

  @Override
  public List<SourceTable> sources() {
    return List.of(silver("olist_user"), silver("geo_coord"));
  }

  @Override
  public List<String> dependsOn() {
    return List.of("silver.olist_user", "silver.geo_coord");
  }

  @Override
  public Dataset<Row> touched(BatchInputs in) {
    Dataset<Row> moved = in.all(silver("olist_user"))
        .join(in.changes(silver("geo_coord")).select("zip_code_prefix"), Columns.seq("zip_code_prefix"), "left_semi");
    return in.changes(silver("olist_user")).select(Columns.cols(KEY)).union(moved.select(Columns.cols(KEY)));
  }

  @Override
  public Dataset<Row> rows(BatchInputs in, Dataset<Row> scope) {
    Dataset<Row> coords = in.all(silver("geo_coord")).select(col("zip_code_prefix"), col("lat"), col("lng"),
        col("in_brazil").as("geo_in_brazil"));
    return within(in.all(silver("olist_user")), scope).join(coords, Columns.seq("zip_code_prefix"), "left")
        .select("user_type", "user_id", "customer_unique_id", "zip_code_prefix", "city", "state", "lat", "lng",
            "geo_in_brazil");
  }
}
