package io.olistlakehouse.source.synthetic;

/** A categorical distribution over indexes 0..n-1 with the given (unnormalized) weights. */
final class Weighted {

  private final double[] cumulative;

  private Weighted(double[] weights) {
    cumulative = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0) {
        throw new IllegalArgumentException("negative weight at " + i);
      }
      total += weights[i];
      cumulative[i] = total;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
    }
  }

  static Weighted of(double... weights) {
    return new Weighted(weights);
  }

  /** The index whose cumulative weight first exceeds {@code u} in [0, 1). */
  int pick(double u) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] > u) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }
}
