package io.olistlakehouse.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TableCommitsTest {

  @Test
  void resultsComeByTableInTheOrderGiven() throws Exception {
    Map<String, Callable<Long>> commits = new LinkedHashMap<>();
    commits.put("payment", () -> 3L);
    commits.put("order_item", () -> 5L);
    commits.put("dead_letter", () -> 0L);

    Map<String, Long> results = TableCommits.runAll(2, commits);

    assertEquals(List.of("payment", "order_item", "dead_letter"), List.copyOf(results.keySet()));
    assertEquals(List.of(3L, 5L, 0L), List.copyOf(results.values()));
  }

  @Test
  void theFirstFailureInTableOrderIsThrownOnceEveryCommitHasEnded() {
    AtomicBoolean slowOneEnded = new AtomicBoolean();
    Map<String, Callable<Long>> commits = new LinkedHashMap<>();
    commits.put("a", () -> {
      Thread.sleep(200);
      throw new IllegalStateException("a failed");
    });
    commits.put("b", () -> {
      throw new IllegalArgumentException("b failed");
    });
    commits.put("c", () -> {
      Thread.sleep(300);
      slowOneEnded.set(true);
      return 1L;
    });

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TableCommits.runAll(3, commits));

    assertEquals("a failed", e.getMessage());
    assertTrue(slowOneEnded.get(), "no commit is left running when the batch fails");
  }

  @Test
  void noCommitsNoThreads() throws Exception {
    assertEquals(Map.of(), TableCommits.runAll(3, Map.<String, Callable<Long>>of()));
  }
}
