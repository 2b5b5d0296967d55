package io.olistlakehouse.bench;

import io.olistlakehouse.bronze.IngestJob;
import io.olistlakehouse.bronze.IngestMicroBatchReport;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import io.olistlakehouse.streaming.StreamingRun;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/** Landing a benchmark's replayed backlog in bronze before what is timed. */
final class BenchBacklog {

  private BenchBacklog() {}

  /** Lands what the topics hold beyond the checkpoint (ingest --once) and checks it is what was just replayed. */
  static long land(LakehouseConfig run, SparkSession spark, long replayed, PrintStream out) throws Exception {
    StreamingRun.Summary<IngestMicroBatchReport> summary =
        StreamingMain.run(run, spark, IngestJob.LAYER, true, StreamingListener.printing(out));
    long read = IngestMicroBatchReport.read(summary.microBatches());
    if (read != replayed) {
      throw new IllegalStateException("the ingest read " + read + " records but the replay published " + replayed
          + ": the timed runs would be of other data");
    }
    out.printf(Locale.ROOT, "landed %,d events in %d micro-batches%n", read, summary.microBatches().size());
    return read;
  }
}
