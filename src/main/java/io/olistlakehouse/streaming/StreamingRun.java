package io.olistlakehouse.streaming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * One run of a streaming job, the same for every layer: the sink prepares its tables, the query starts (with
 * {@code once}, Trigger.AvailableNow: what Kafka holds now, then stop; otherwise a micro-batch at most every trigger
 * interval), and SIGTERM stops it between micro-batches.
 */
public final class StreamingRun<R> {

  /** The micro-batches a run wrote and how long its query ran (table creation and session start excluded). */
  public record Summary<R>(List<R> microBatches, Duration took, String line) {
    @Override
    public String toString() {
      return line;
    }
  }

  private final StreamingJob<R> job;
  private final StreamingQuery query;
  private final MicroBatchGate gate;
  private final List<R> reports;
  private final long startNanos;

  private StreamingRun(StreamingJob<R> job, StreamingQuery query, MicroBatchGate gate, List<R> reports,
      long startNanos) {
    this.job = job;
    this.query = query;
    this.gate = gate;
    this.reports = reports;
    this.startNanos = startNanos;
  }

  /** Runs the job to its end: with {@code once} when Kafka's backlog is written, otherwise when stopped. */
  public static <R> Summary<R> toEnd(StreamingJob<R> job, boolean once, StreamingListener<R> listener)
      throws Exception {
    StreamingRun<R> run = start(job, once, listener);
    try (GracefulStop ignored = GracefulStop.install(run.query, run.gate, job.settings().stopGrace())) {
      run.query.awaitTermination();
    }
    return run.summary();
  }

  /** Starts the job and returns while it runs; {@link #stop()} ends it between micro-batches. */
  public static <R> StreamingRun<R> start(StreamingJob<R> job, boolean once, StreamingListener<R> listener)
      throws Exception {
    job.sink().prepare();
    MicroBatchGate gate = new MicroBatchGate();
    List<R> reports = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    StreamingQuery query = startQuery(job, once, gate, report -> {
      reports.add(report);
      listener.microBatch(report);
    });
    listener.started(query, job);
    return new StreamingRun<>(job, query, gate, reports, start);
  }

  private static <R> StreamingQuery startQuery(StreamingJob<R> job, boolean once, MicroBatchGate gate,
      Consumer<R> reports) throws TimeoutException {
    StreamingSettings settings = job.settings();
    return job.plan().writeStream()
        .queryName(job.name())
        .outputMode(job.outputMode())
        .option("checkpointLocation", settings.checkpointDir().toString())
        .trigger(once ? Trigger.AvailableNow() : Trigger.ProcessingTime(settings.triggerInterval().toMillis()))
        .foreachBatch(new GatedForeachBatch<>(gate, job.sink(), reports))
        .start();
  }

  public StreamingQuery query() {
    return query;
  }

  /** Stops the query once the micro-batch in flight (if any) has finished; returns what the run wrote. */
  public Summary<R> stop() {
    GracefulStop.stopBetweenBatches(query, gate, job.settings().stopGrace());
    return summary();
  }

  private Summary<R> summary() {
    List<R> written = List.copyOf(reports);
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    return new Summary<>(written, took, job.summarize(written, took));
  }
}
