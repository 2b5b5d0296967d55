package io.olistlakehouse.bronze;

import io.olistlakehouse.streaming.StreamingMain;

/** The ingest's main class for spark-submit (jobs/bronze_ingest.json): {@code [--once]}. */
public final class IngestMain {

  private IngestMain() {}

  public static void main(String[] args) throws Exception {
    StreamingMain.main(IngestJob.LAYER, args);
  }
}
