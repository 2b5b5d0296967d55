package io.olistlakehouse.batch.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.to_date;

import io.olistlakehouse.batch.incremental.BatchInputs;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.Columns;
import io.olistlakehouse.batch.incremental.SourceTable;
import io.olistlakehouse.batch.incremental.TargetTable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold.fact_review_answer_lead_days: one row per review with its score, creation date, answer time and the
 * answer's lead days, a calendar-day difference in UTC like every lead day of the lakehouse (null if unanswered).
 */
public final class ReviewAnswerLeadDaysJob extends GoldJob {

  private static final List<String> KEY = List.of("review_id", "order_id");

  public ReviewAnswerLeadDaysJob(BatchSettings settings) {
    super(settings);
  }

  @Override
  protected String table() {
    return "fact_review_answer_lead_days";
  }

  @Override
  public TargetTable target() {
    return new TargetTable(targetName(), "review_id STRING, order_id STRING, review_score INT, "
        + "creation_date TIMESTAMP, answer_at TIMESTAMP, answer_lead_days INT", KEY, KEY, null, null, false);
  }

  @Override
  public List<SourceTable> sources() {
    return List.of(silver("review"));
  }

  @Override
  public List<String> dependsOn() {
    return List.of("silver.review");
  }

  @Override
  public Dataset<Row> touched(BatchInputs in) {
    return in.changes(silver("review")).select(Columns.cols(KEY));
  }

  @Override
  public Dataset<Row> rows(BatchInputs in, Dataset<Row> scope) {
    return within(in.all(silver("review")), scope).select(col("review_id"), col("order_id"), col("review_score"),
        col("creation_date"), col("answer_at"),
        datediff(to_date(col("answer_at")), to_date(col("creation_date"))).as("answer_lead_days"));
  }
}
