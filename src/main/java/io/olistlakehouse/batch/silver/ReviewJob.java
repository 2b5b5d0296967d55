package io.olistlakehouse.batch.silver;

import static org.apache.spark.sql.functions.col;

import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.contracts.BronzeStream;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver.review: one row per (review, order), its latest version, comment text kept for text analytics. Olist
 * reuses some review ids across orders, so the review id alone is not a key.
 */
public final class ReviewJob extends LatestPerKeyJob {

  public ReviewJob(BatchSettings settings) {
    super(settings);
  }

  @Override
  protected String table() {
    return "review";
  }

  @Override
  protected String columnsDdl() {
    return "review_id STRING, order_id STRING, review_score INT, comment_title STRING, comment_message STRING, "
        + "creation_date TIMESTAMP, answer_at TIMESTAMP";
  }

  @Override
  protected List<String> keys() {
    return List.of("review_id", "order_id");
  }

  @Override
  protected List<BronzeStream> streams() {
    return List.of(BronzeStream.REVIEW);
  }

  @Override
  protected Dataset<Row> project(BronzeStream stream, Dataset<Row> reviews) {
    Column[] columns = {col("review_id"), col("order_id"), col("review_score"), col("comment_title"),
        col("comment_message"), col("creation_date"), col("answer_at")};
    return reviews.select(SilverRows.withLineage(stream, columns));
  }
}
