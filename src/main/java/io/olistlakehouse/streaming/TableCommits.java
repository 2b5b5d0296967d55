package io.olistlakehouse.streaming;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A batch's per-table commits run concurrently (each writes files and metadata to S3 and calls the catalog, so
 * they mostly wait), for the bronze ingest and the speed layer alike. Every commit finishes or fails before the
 * batch goes on, so a failed batch leaves none running; the first failure in table order is the one thrown.
 */
public final class TableCommits {

  private TableCommits() {}

  /** Runs the tables' commits, at most {@code parallelism} at once; returns their results by table, in order. */
  public static <T> Map<String, T> runAll(int parallelism, Map<String, Callable<T>> commits) throws Exception {
    if (commits.isEmpty()) {
      return Map.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, commits.size()));
    try {
      return awaitAll(pool, commits);
    } finally {
      pool.shutdown();
    }
  }

  private static <T> Map<String, T> awaitAll(ExecutorService pool, Map<String, Callable<T>> commits)
      throws Exception {
    Map<String, Future<T>> running = new LinkedHashMap<>();
    commits.forEach((table, commit) -> running.put(table, pool.submit(commit)));
    for (Future<T> f : running.values()) {
      try {
        f.get();
      } catch (ExecutionException e) {
        // thrown below, in table order, once all have ended
      }
    }
    Map<String, T> results = new LinkedHashMap<>();
    for (Map.Entry<String, Future<T>> e : running.entrySet()) {
      try {
        results.put(e.getKey(), e.getValue().get());
      } catch (ExecutionException failed) {
        throw failed.getCause() instanceof Exception cause ? cause : failed;
      }
    }
    return results;
  }
}
