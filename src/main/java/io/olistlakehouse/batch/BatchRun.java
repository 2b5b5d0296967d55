package io.olistlakehouse.batch;

import io.olistlakehouse.batch.incremental.BatchJob;
import io.olistlakehouse.batch.incremental.BatchJobOutcome;
import io.olistlakehouse.batch.incremental.BatchJobRun;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;

/**
 * Runs batch jobs in dependency order and says what each did. A job starts once the jobs it reads (among those run)
 * have committed, up to {@code parallelism} at once in the one Spark session: much of a small job's time is
 * planning, catalog calls and S3 commits, which overlap well. The first failure starts no further job; the jobs
 * committed before it stay committed, and a rerun carries on from their recorded positions.
 */
public final class BatchRun {

  /** Hears each job's end as it happens: the batch metrics. */
  public interface Listener {
    void finished(BatchJobOutcome outcome);

    void failed(String job, Exception cause);

    Listener NONE = new Listener() {
      @Override
      public void finished(BatchJobOutcome outcome) {}

      @Override
      public void failed(String job, Exception cause) {}
    };
  }

  private final SparkSession spark;
  private final PrintStream out;
  private final int parallelism;
  private final Listener listener;

  public BatchRun(SparkSession spark, PrintStream out, int parallelism) {
    this(spark, out, parallelism, Listener.NONE);
  }

  public BatchRun(SparkSession spark, PrintStream out, int parallelism, Listener listener) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("batch.parallelism must be at least 1, not " + parallelism);
    }
    this.spark = spark;
    this.out = out;
    this.parallelism = parallelism;
    this.listener = listener;
  }

  /** The outcomes in the order of {@code jobs}. */
  public List<BatchJobOutcome> run(List<BatchJob> jobs, boolean full) throws Exception {
    long started = System.nanoTime();
    BatchJobRun runner = new BatchJobRun(spark);
    for (BatchJob job : jobs) {
      runner.prepare(job);
    }
    Set<String> selected = new HashSet<>();
    jobs.forEach(j -> selected.add(j.name()));
    Map<String, BatchJobOutcome> done = new HashMap<>();
    List<BatchJob> waiting = new ArrayList<>(jobs);
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    CompletionService<BatchJobOutcome> completions = new ExecutorCompletionService<>(pool);
    Exception failure = null;
    int running = 0;
    try {
      while (!waiting.isEmpty() || running > 0) {
        if (failure == null) {
          for (BatchJob job : List.copyOf(waiting)) {
            boolean ready = job.dependsOn().stream().allMatch(d -> !selected.contains(d) || done.containsKey(d));
            if (ready && running < parallelism) {
              waiting.remove(job);
              say("batch: running " + job.name() + (full ? " (full)" : ""));
              completions.submit(() -> runAndTell(runner, job, full));
              running++;
            }
          }
        } else {
          waiting.clear();
        }
        if (running == 0) {
          break;
        }
        Future<BatchJobOutcome> next = completions.take();
        running--;
        try {
          BatchJobOutcome outcome = next.get();
          done.put(outcome.job(), outcome);
          say("  " + outcome.line() + (outcome.committed() ? "\n    sources: " + outcome.sources() : ""));
        } catch (ExecutionException e) {
          failure = failure != null ? failure : e.getCause() instanceof Exception c ? c : e;
        }
      }
    } finally {
      pool.shutdown();
    }
    if (failure != null) {
      say("batch: failed after " + done.size() + " of " + jobs.size() + " jobs: " + failure);
      throw failure;
    }
    long committed = done.values().stream().filter(BatchJobOutcome::committed).count();
    say(String.format(Locale.ROOT, "batch: %d jobs, %d committed, %.1f s", done.size(), committed,
        (System.nanoTime() - started) / 1e9));
    return jobs.stream().map(j -> done.get(j.name())).toList();
  }

  private BatchJobOutcome runAndTell(BatchJobRun runner, BatchJob job, boolean full) throws Exception {
    BatchJobOutcome outcome;
    try {
      outcome = runner.run(job, full);
    } catch (Exception e) {
      tell(() -> listener.failed(job.name(), e));
      throw e;
    }
    tell(() -> listener.finished(outcome));
    return outcome;
  }

  /** A listener is an observer: its failure is said, and changes nothing about the job. */
  private void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException | LinkageError e) {
      say("batch: listener failed, the run goes on: " + e);
    }
  }

  private synchronized void say(String line) {
    out.println(line);
    out.flush();
  }
}
