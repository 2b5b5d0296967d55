package io.olistlakehouse.source.synthetic;

/**
 * An empirical distribution given by its quantiles at {@link #PROBABILITIES}, sampled by inverting the
 * piecewise-linear CDF. The tables come from the real sample; the top point is its 99.9th percentile rather than
 * its maximum, so one outlier row does not become a whole percent of the output.
 */
final class Quantiles {

  /** The probabilities the calibration tables are given at (the same for every table). */
  static final double[] PROBABILITIES = {
      0, .01, .05, .10, .15, .20, .25, .30, .35, .40, .45, .50, .55, .60, .65, .70, .75, .80, .85, .90, .95, .99, .999};

  private final double[] values;

  private Quantiles(double[] values) {
    if (values.length != PROBABILITIES.length) {
      throw new IllegalArgumentException("a quantile table needs " + PROBABILITIES.length + " values");
    }
    for (int i = 1; i < values.length; i++) {
      if (values[i] < values[i - 1]) {
        throw new IllegalArgumentException("quantiles must not decrease: " + values[i - 1] + " > " + values[i]);
      }
    }
    this.values = values.clone();
  }

  static Quantiles of(double... values) {
    return new Quantiles(values);
  }

  /** The value at cumulative probability {@code u} in [0, 1); above the last point it stays at the last value. */
  double at(double u) {
    if (u >= PROBABILITIES[PROBABILITIES.length - 1]) {
      return values[values.length - 1];
    }
    int upper = 1;
    while (PROBABILITIES[upper] <= u) {
      upper++;
    }
    double p0 = PROBABILITIES[upper - 1];
    double fraction = (u - p0) / (PROBABILITIES[upper] - p0);
    return values[upper - 1] + fraction * (values[upper] - values[upper - 1]);
  }
}
