package io.olistlakehouse.speed;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.streaming.GracefulStop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/** Runs the speed job to its end (--once) or until stopped, for the CLI, spark-submit, the demo and the bench. */
public final class SpeedRunner {

  /** The batches a run wrote and how long the query ran. */
  public record Summary(List<SpeedMicroBatchReport> batches, Duration took) {

    @Override
    public String toString() {
      return String.format("%d batches: %d order rows, %d KPI contributions, %d late events (%.1f s)",
          batches.size(), batches.stream().mapToLong(SpeedMicroBatchReport::orderRows).sum(),
          batches.stream().mapToLong(SpeedMicroBatchReport::kpiContributions).sum(),
          batches.stream().mapToLong(SpeedMicroBatchReport::lateEvents).sum(), took.toMillis() / 1000.0);
    }
  }

  private SpeedRunner() {}

  public static Summary run(LakehouseConfig config, SparkSession spark, boolean once,
      Consumer<SpeedMicroBatchReport> each) throws Exception {
    SpeedSettings settings = SpeedSettings.from(config);
    SpeedTopics.require(settings);
    List<SpeedMicroBatchReport> batches = Collections.synchronizedList(new ArrayList<>());
    SpeedJob job = new SpeedJob(spark, settings);
    long start = System.nanoTime();
    StreamingQuery query = job.start(once, report -> {
      batches.add(report);
      each.accept(report);
    });
    try (GracefulStop ignored = GracefulStop.install(query, job.batchGate(), settings.stopGrace())) {
      query.awaitTermination();
    }
    return new Summary(List.copyOf(batches), Duration.ofNanos(System.nanoTime() - start));
  }
}
