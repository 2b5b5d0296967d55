package io.olistlakehouse.cli;

import io.olistlakehouse.bronze.IngestJob;
import io.olistlakehouse.streaming.StreamingLayer;
import picocli.CommandLine.Command;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Land the nine bronze topics exactly once in lakehouse.bronze.<stream> (Iceberg); records that "
        + "cannot be decoded go to lakehouse.bronze.dead_letter with the reason. Runs until stopped (SIGTERM stops "
        + "between micro-batches) unless --once. Job: jobs/bronze_ingest.json; tuning: ingest.* configuration keys.")
final class IngestCommand extends StreamingJobCommand {

  @Override
  StreamingLayer<?> layer() {
    return IngestJob.LAYER;
  }
}
