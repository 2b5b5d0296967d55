package io.olistlakehouse.streaming;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a streaming job's batches pass through while they write, so that {@link GracefulStop} can stop the job
 * between batches. Spark stops a query by interrupting its batch thread once and then waiting for it; an interrupt
 * can be swallowed on the way (Hadoop's {@code Shell} catches it while the checkpoint is written), and a batch that
 * then waited on a lock the stopper holds would wait forever, and the stop with it (seen: a benchmark hung in
 * {@code query.stop()}). So the stopper does not hold the gate while stopping: it closes it, and a batch that
 * arrives at a closed gate ends itself with an {@link InterruptedException}, which Spark takes as the stop.
 */
public final class MicroBatchGate {

  private static final long POLL_MS = 100;

  private final ReentrantLock lock = new ReentrantLock();
  /** How long a batch at a closed gate waits for Spark's own interrupt before it raises one itself. */
  private final long interruptWaitMs;
  private volatile boolean closed;

  public MicroBatchGate() {
    this(5_000);
  }

  MicroBatchGate(long interruptWaitMs) {
    this.interruptWaitMs = interruptWaitMs;
  }

  /** Enters for one batch; throws once the gate is closed (the job is stopping). */
  public void enter() throws InterruptedException {
    while (!lock.tryLock(POLL_MS, TimeUnit.MILLISECONDS)) {
      if (closed) {
        stopping();
      }
    }
    if (closed) {
      lock.unlock();
      stopping();
    }
  }

  public void leave() {
    lock.unlock();
  }

  /**
   * Waits up to {@code grace} for the batch in flight to leave, then closes the gate: no batch enters after this.
   *
   * @return whether the batch in flight (if any) left within the grace period
   */
  public boolean close(Duration grace) throws InterruptedException {
    boolean idle = lock.tryLock(grace.toMillis(), TimeUnit.MILLISECONDS);
    closed = true;
    if (idle) {
      lock.unlock();
    }
    return idle;
  }

  /** Gives Spark's stop time to interrupt this thread (the usual way), and raises the interrupt itself otherwise. */
  private void stopping() throws InterruptedException {
    Thread.sleep(interruptWaitMs);
    throw new InterruptedException("the job is stopping: no batch starts any more");
  }
}
