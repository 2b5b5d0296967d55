package io.olistlakehouse.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of measured durations (milliseconds). */
public final class Percentiles {

  private final long[] sorted;

  public Percentiles(Collection<Long> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values: nothing was measured");
    }
    this.sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** The smallest value with at least {@code p} percent of the values at or below it. */
  public long at(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  public int count() {
    return sorted.length;
  }

  public long max() {
    return sorted[sorted.length - 1];
  }

  @Override
  public String toString() {
    return Arrays.toString(sorted);
  }
}
