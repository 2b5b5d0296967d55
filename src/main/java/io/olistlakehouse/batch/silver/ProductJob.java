package io.olistlakehouse.batch.silver;

import static org.apache.spark.sql.functions.col;

import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.contracts.BronzeStream;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** silver.product: each product's latest version, its category in English (portfolio.CategoryNames). */
public final class ProductJob extends LatestPerKeyJob {

  public ProductJob(BatchSettings settings) {
    super(settings);
  }

  @Override
  protected String table() {
    return "product";
  }

  @Override
  protected String columnsDdl() {
    return "product_id STRING, category STRING, category_name_pt STRING, name_length INT, "
        + "description_length INT, photos_qty INT, weight_g INT, length_cm INT, height_cm INT, width_cm INT";
  }

  @Override
  protected List<String> keys() {
    return List.of("product_id");
  }

  @Override
  protected List<BronzeStream> streams() {
    return List.of(BronzeStream.PRODUCT);
  }

  @Override
  protected Dataset<Row> project(BronzeStream stream, Dataset<Row> p) {
    return p.select(SilverRows.withLineage(stream, col("product_id"),
        SilverRows.categoryInEnglish(col("category_name"), col("category_name_english")).as("category"),
        col("category_name").as("category_name_pt"), col("name_length"), col("description_length"),
        col("photos_qty"), col("weight_g"), col("length_cm"), col("height_cm"), col("width_cm")));
  }
}
