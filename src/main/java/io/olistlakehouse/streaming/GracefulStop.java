package io.olistlakehouse.streaming;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM stops the query between batches: the hook waits (up to the grace period) for the batch in flight to
 * finish, then stops the query before its next batch starts. A batch cut short anyway (grace exceeded, kill -9) is
 * harmless: its replay after restart skips the tables it already reached.
 */
public final class GracefulStop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);
  /** Runs before Spark's own hook (FileSystem's priority + 30), which would stop the SparkContext under us. */
  private static final int PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 40;

  private final Runnable hook;

  private GracefulStop(Runnable hook) {
    this.hook = hook;
  }

  public static GracefulStop install(StreamingQuery query, MicroBatchGate gate, Duration grace) {
    Runnable hook = () -> stopBetweenBatches(query, gate, grace);
    // The hook gets the grace period plus time for query.stop() itself.
    ShutdownHookManager.get().addShutdownHook(hook, PRIORITY, grace.toSeconds() + 30, TimeUnit.SECONDS);
    return new GracefulStop(hook);
  }

  /** Stops the query once the batch in flight (if any) has finished, or after {@code grace} anyway. */
  public static void stopBetweenBatches(StreamingQuery query, MicroBatchGate gate, Duration grace) {
    if (!query.isActive()) {
      return;
    }
    try {
      if (!gate.close(grace)) {
        LOG.warn("batch still running after {} s: stopping anyway; the restart replays it without duplicates",
            grace.toSeconds());
      }
      query.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) {
      LOG.warn("the query did not stop in time: {}", e.getMessage());
    }
  }

  /** The query ended by itself (--once, or a failure): nothing to do at shutdown any more. */
  @Override
  public void close() {
    if (!ShutdownHookManager.get().isShutdownInProgress()) {
      ShutdownHookManager.get().removeShutdownHook(hook);
    }
  }
}
