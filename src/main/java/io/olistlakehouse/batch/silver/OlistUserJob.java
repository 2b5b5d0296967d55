package io.olistlakehouse.batch.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.contracts.BronzeStream;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** silver.olist_user: customers and sellers, one row each (latest version), with zip prefix, city and state. */
public final class OlistUserJob extends LatestPerKeyJob {

  public static final String CUSTOMER = "customer";
  public static final String SELLER = "seller";

  public OlistUserJob(BatchSettings settings) {
    super(settings);
  }

  @Override
  protected String table() {
    return "olist_user";
  }

  @Override
  protected String columnsDdl() {
    return "user_type STRING, user_id STRING, customer_unique_id STRING, zip_code_prefix STRING, city STRING, "
        + "state STRING";
  }

  @Override
  protected List<String> keys() {
    return List.of("user_type", "user_id");
  }

  @Override
  protected List<BronzeStream> streams() {
    return List.of(BronzeStream.CUSTOMER, BronzeStream.SELLER);
  }

  @Override
  protected Dataset<Row> project(BronzeStream stream, Dataset<Row> users) {
    boolean customer = stream == BronzeStream.CUSTOMER;
    Column[] columns = {lit(customer ? CUSTOMER : SELLER).as("user_type"),
        col(customer ? "customer_id" : "seller_id").as("user_id"),
        customer ? col("customer_unique_id") : lit(null).cast("string").as("customer_unique_id"),
        col("zip_code_prefix"), col("city"), col("state")};
    return users.select(SilverRows.withLineage(stream, columns));
  }
}
