package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.replay.Pacing;
import picocli.CommandLine.Option;

/** How fast to replay: history speed or as fast as possible (default: replay.speed of the configuration). */
final class PacingOptions {

  @Option(names = "--speed", paramLabel = "X",
      description = "Replay X seconds of history per wall-clock second; gaps above replay.gap.threshold.seconds "
          + "count as replay.gap.base.seconds.")
  Double speed;

  @Option(names = "--max", description = "As fast as possible.")
  boolean max;

  Pacing pacing(LakehouseConfig config) {
    if (speed != null && max) {
      throw new IllegalArgumentException("--speed and --max exclude each other");
    }
    if (max) {
      return Pacing.MAX;
    }
    return speed != null ? Pacing.speed(speed) : Pacing.parse(config.get("replay.speed"));
  }
}
