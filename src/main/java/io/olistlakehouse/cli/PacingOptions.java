package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.replay.Pacing;
import picocli.CommandLine.Option;

/**
 * How fast to replay: history speed, a fixed event rate or as fast as possible (default: replay.speed of the
 * configuration).
 */
final class PacingOptions {

  @Option(names = "--speed", paramLabel = "X",
      description = "Replay X seconds of history per wall-clock second; gaps above replay.gap.threshold.seconds "
          + "count as replay.gap.base.seconds.")
  Double speed;

  @Option(names = "--rate", paramLabel = "N",
      description = "A sustained N events per second, whatever their event times (load for the speed layer).")
  Long rate;

  @Option(names = "--max", description = "As fast as possible.")
  boolean max;

  Pacing pacing(LakehouseConfig config) {
    if ((speed != null ? 1 : 0) + (rate != null ? 1 : 0) + (max ? 1 : 0) > 1) {
      throw new IllegalArgumentException("--speed, --rate and --max exclude each other");
    }
    if (max) {
      return Pacing.MAX;
    }
    if (rate != null) {
      return Pacing.rate(rate);
    }
    return speed != null ? Pacing.speed(speed) : Pacing.parse(config.get("replay.speed"));
  }
}
