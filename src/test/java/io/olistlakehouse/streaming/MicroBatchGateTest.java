package io.olistlakehouse.streaming;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicroBatchGateTest {

  @Test
  void aBatchArrivingAfterTheStopEndsItselfWithoutAnInterruptFromSpark() throws Exception {
    MicroBatchGate gate = new MicroBatchGate(10);
    assertTrue(gate.close(Duration.ofSeconds(1)), "no batch in flight");
    // No thread interrupts this one (the swallowed-interrupt case): it must not wait for ever.
    assertThrows(InterruptedException.class, gate::enter);
  }

  @Test
  void theStopperWaitsForTheBatchInFlightAndTheNextBatchWaitingBehindItEnds() throws Exception {
    MicroBatchGate gate = new MicroBatchGate(10);
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<Void> current = CompletableFuture.runAsync(() -> batch(gate, () -> {
      inFlight.countDown();
      await(finish);
    }));
    inFlight.await();
    CompletableFuture<Void> next = CompletableFuture.runAsync(() -> batch(gate, () -> { }));

    assertFalse(gate.close(Duration.ofMillis(200)), "the batch in flight did not leave within the grace");
    finish.countDown();
    current.get(10, TimeUnit.SECONDS);
    ExecutionException stopped = assertThrows(ExecutionException.class, () -> next.get(10, TimeUnit.SECONDS));
    assertTrue(stopped.getCause().getCause() instanceof InterruptedException, stopped.toString());
  }

  private static void batch(MicroBatchGate gate, Runnable work) {
    try {
      gate.enter();
    } catch (InterruptedException e) {
      throw new IllegalStateException("stopped", e);
    }
    try {
      work.run();
    } finally {
      gate.leave();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
