package io.olistlakehouse.cli;

import io.olistlakehouse.speed.SpeedJob;
import io.olistlakehouse.streaming.StreamingLayer;
import picocli.CommandLine.Command;

@Command(name = "speed", mixinStandardHelpOptions = true,
    description = "The speed layer: per-order delivery state in event time from the Kafka topics into "
        + "lakehouse.speed.order_delivery (one current row per order), minute KPIs into lakehouse.speed.kpi_minute, "
        + "events later than the allowed lateness into lakehouse.speed.late_events. Runs until stopped (SIGTERM "
        + "stops between micro-batches) unless --once. Job: jobs/speed.json; tuning: speed.* configuration keys.")
final class SpeedCommand extends StreamingJobCommand {

  @Override
  StreamingLayer<?> layer() {
    return SpeedJob.LAYER;
  }
}
