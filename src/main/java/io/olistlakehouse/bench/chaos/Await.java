package io.olistlakehouse.bench.chaos;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds; past the timeout, fails naming what it waited for. */
final class Await {

  private static final long POLL_MILLIS = 250;

  private Await() {}

  /** Polls every 250 ms; past the timeout it fails, with {@code detail} (a log's tail) added. */
  static void until(String what, BooleanSupplier condition, Duration timeout, Supplier<String> detail)
      throws InterruptedException {
    if (!within(condition, timeout, POLL_MILLIS)) {
      throw new IllegalStateException("chaos: nothing after " + timeout.toSeconds() + " s of waiting for " + what
          + detail.get());
    }
  }

  /** Whether the condition came to hold within the timeout, polled at the given interval. */
  static boolean within(BooleanSupplier condition, Duration timeout, long pollMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(pollMillis);
    }
    return true;
  }
}
