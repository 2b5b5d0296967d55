package io.olistlakehouse.source.synthetic;

import java.util.SplittableRandom;

/**
 * Uniform draws that move together through a shared standard-normal factor (a Gaussian copula): heavy products
 * tend to be large, dear and expensive to ship, while each keeps the marginal of its own quantile table. StrictMath
 * throughout, so a seed gives the same data on every JVM and platform.
 */
final class Correlated {

  private Correlated() {}

  /** A uniform in (0, 1) whose normal score has correlation {@code rho} with {@code sharedZ}. */
  static double uniform(double sharedZ, double rho, SplittableRandom random) {
    double z = rho * sharedZ + StrictMath.sqrt(1 - rho * rho) * gaussian(random);
    return Math.min(normalCdf(z), 0.999_999);
  }

  /** A standard normal draw (Box-Muller); SplittableRandom's own is not specified to be the same on every JDK. */
  static double gaussian(SplittableRandom random) {
    double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
    return radius * StrictMath.cos(2 * StrictMath.PI * random.nextDouble());
  }

  /** The standard normal CDF via Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7). */
  static double normalCdf(double z) {
    double x = Math.abs(z) / StrictMath.sqrt(2);
    double t = 1 / (1 + 0.327_591_1 * x);
    double poly = t * (0.254_829_592 + t * (-0.284_496_736 + t * (1.421_413_741
        + t * (-1.453_152_027 + t * 1.061_405_429))));
    double erf = 1 - poly * StrictMath.exp(-x * x);
    return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  }
}
