package io.olistlakehouse.speed;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongPredicate;

/**
 * When and on which thread the speed tables' maintenance runs: every n-th batch, either on the batch's own thread
 * (the batch waits for it) or on a thread of its own while the next batches go on, so that a rewrite of the whole
 * table does not hold back the rows behind it. A background run still going when the next one is due lets that one
 * pass; its report (or its failure, which does not stop the job) comes with the first batch after it ends.
 */
final class MaintenanceSchedule {

  /** One maintenance run after the given batch; {@code background}: batches commit meanwhile. */
  interface Run {
    SpeedMaintenance.Report run(long batchId, boolean background) throws Exception;
  }

  private final LongPredicate due;
  private final Run maintenance;
  /** Null: runs on the batch's thread. */
  private final ExecutorService background;
  private Future<SpeedMaintenance.Report> inFlight;

  private MaintenanceSchedule(LongPredicate due, Run maintenance, ExecutorService background) {
    this.due = due;
    this.maintenance = maintenance;
    this.background = background;
  }

  static MaintenanceSchedule onBatchThread(LongPredicate due, Run maintenance) {
    return new MaintenanceSchedule(due, maintenance, null);
  }

  /** A daemon thread: a job that stops does not wait for a rewrite, whose file is then left uncommitted. */
  static MaintenanceSchedule inBackground(LongPredicate due, Run maintenance) {
    return new MaintenanceSchedule(due, maintenance, Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "speed-maintenance");
      t.setDaemon(true);
      return t;
    }));
  }

  /** Called after each batch's commits: starts a due run, and returns the report of a run that ended, if any. */
  SpeedMaintenance.Report afterBatch(long batchId) throws Exception {
    if (background == null) {
      return due.test(batchId) ? maintenance.run(batchId, false) : null;
    }
    SpeedMaintenance.Report ended = null;
    if (inFlight != null && inFlight.isDone()) {
      ended = inFlight.get();
      inFlight = null;
    }
    if (inFlight == null && due.test(batchId)) {
      inFlight = background.submit(() -> runReportingFailure(batchId));
    }
    return ended;
  }

  private SpeedMaintenance.Report runReportingFailure(long batchId) {
    long start = System.nanoTime();
    try {
      return maintenance.run(batchId, true);
    } catch (Exception e) {
      return SpeedMaintenance.Report.failed(Duration.ofNanos(System.nanoTime() - start), e);
    }
  }
}
