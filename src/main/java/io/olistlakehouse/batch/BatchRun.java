package io.olistlakehouse.batch;

import io.olistlakehouse.batch.incremental.BatchJob;
import io.olistlakehouse.batch.incremental.BatchJobOutcome;
import io.olistlakehouse.batch.incremental.BatchJobRun;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Runs batch jobs in order and says what each did. The first failure stops the run, since later jobs may read its
 * target; the jobs committed before it stay committed, and a rerun carries on from their recorded positions.
 */
public final class BatchRun {

  private final SparkSession spark;
  private final PrintStream out;

  public BatchRun(SparkSession spark, PrintStream out) {
    this.spark = spark;
    this.out = out;
  }

  public List<BatchJobOutcome> run(List<BatchJob> jobs, boolean full) throws Exception {
    long started = System.nanoTime();
    BatchJobRun runner = new BatchJobRun(spark);
    List<BatchJobOutcome> outcomes = new ArrayList<>();
    for (BatchJob job : jobs) {
      out.println("batch: running " + job.name() + (full ? " (full)" : ""));
      out.flush();
      BatchJobOutcome outcome = runner.run(job, full);
      outcomes.add(outcome);
      out.println("  " + outcome.line());
      if (outcome.kind() == BatchJobOutcome.Kind.FULL || outcome.kind() == BatchJobOutcome.Kind.INCREMENTAL) {
        out.println("    sources: " + outcome.sources());
      }
      out.flush();
    }
    long committed = outcomes.stream().filter(BatchJobOutcome::committed).count();
    out.printf(Locale.ROOT, "batch: %d jobs, %d committed, %.1f s%n", outcomes.size(), committed,
        (System.nanoTime() - started) / 1e9);
    return outcomes;
  }
}
