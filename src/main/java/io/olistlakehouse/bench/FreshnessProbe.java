package io.olistlakehouse.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * Watches speed.order_delivery through fresh reads (the catalog does not cache tables) for the sampled orders and
 * records, for each, the time from producing its purchase event to the first read that shows its row.
 */
final class FreshnessProbe implements Runnable {

  private static final int MAX_IDS_PER_READ = 500;

  private final SparkSession spark;
  private final String table;
  private final long pollMillis;
  private final Map<String, Long> pending = new ConcurrentHashMap<>();
  private final List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean stopped;

  FreshnessProbe(SparkSession spark, String table, long pollMillis) {
    this.spark = spark;
    this.table = table;
    this.pollMillis = pollMillis;
  }

  void sample(String orderId, long producedNanos) {
    pending.put(orderId, producedNanos);
  }

  int pending() {
    return pending.size();
  }

  List<Long> latenciesMs() {
    return List.copyOf(latenciesMs);
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    while (!stopped) {
      List<String> ids = pending.keySet().stream().limit(MAX_IDS_PER_READ).toList();
      if (!ids.isEmpty()) {
        String in = ids.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(","));
        List<String> seen = spark.sql("SELECT order_id FROM " + table + " WHERE order_id IN (" + in + ")")
            .as(Encoders.STRING()).collectAsList();
        long now = System.nanoTime();
        for (String id : seen) {
          Long produced = pending.remove(id);
          if (produced != null) {
            latenciesMs.add(TimeUnit.NANOSECONDS.toMillis(now - produced));
          }
        }
      }
      try {
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
