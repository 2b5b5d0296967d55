package io.olistlakehouse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/** Which batch runs or reports maintenance, on the batch's thread and beside the batches. */
class MaintenanceScheduleTest {

  private static final LongPredicate EVERY_THIRD = batchId -> batchId > 0 && batchId % 3 == 0;

  private final List<Long> started = new CopyOnWriteArrayList<>();

  private SpeedMaintenance.Report report(long batchId, boolean background) {
    started.add(batchId);
    return new SpeedMaintenance.Report(batchId, 0, 1, 0, 0, Duration.ZERO, background, null);
  }

  @Test
  void onTheBatchThreadADueBatchRunsAndReportsItsOwnMaintenance() throws Exception {
    MaintenanceSchedule schedule = MaintenanceSchedule.onBatchThread(EVERY_THIRD, this::report);

    assertNull(schedule.afterBatch(2));
    SpeedMaintenance.Report third = schedule.afterBatch(3);

    assertEquals(3, third.dataFilesBefore());
    assertFalse(third.background());
    assertEquals(List.of(3L), started);
  }

  @Test
  void besideTheBatchesARunIsReportedByTheFirstBatchAfterItEndedAndADueBatchMeanwhilePasses() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    MaintenanceSchedule schedule = MaintenanceSchedule.inBackground(EVERY_THIRD, (batchId, background) -> {
      release.await();
      SpeedMaintenance.Report r = report(batchId, background);
      ended.countDown();
      return r;
    });

    assertNull(schedule.afterBatch(3), "started, not waited for");
    assertNull(schedule.afterBatch(6), "still running: the due batch 6 starts none");
    release.countDown();
    assertTrue(ended.await(10, TimeUnit.SECONDS));
    SpeedMaintenance.Report reported = awaitReport(schedule, 7);

    assertEquals(3, reported.dataFilesBefore(), "the run batch 3 started");
    assertTrue(reported.background());
    assertEquals(List.of(3L), started);
  }

  @Test
  void aFailedRunBesideTheBatchesIsReportedWithItsCauseAndDoesNotStopTheJob() throws Exception {
    MaintenanceSchedule schedule = MaintenanceSchedule.inBackground(EVERY_THIRD, (batchId, background) -> {
      throw new IllegalStateException("commit conflict");
    });

    assertNull(schedule.afterBatch(3));
    SpeedMaintenance.Report reported = awaitReport(schedule, 4);

    assertTrue(reported.toString().contains("failed") && reported.toString().contains("commit conflict"),
        reported.toString());
  }

  /** Calls afterBatch for the following batches (none due) until a report comes; the run is on another thread. */
  private static SpeedMaintenance.Report awaitReport(MaintenanceSchedule schedule, long fromBatch) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (long batchId = fromBatch; System.nanoTime() < deadline; batchId++) {
      SpeedMaintenance.Report r = schedule.afterBatch(batchId % 3 == 0 ? batchId + 1 : batchId);
      if (r != null) {
        return r;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no maintenance report within 10 s");
  }
}
