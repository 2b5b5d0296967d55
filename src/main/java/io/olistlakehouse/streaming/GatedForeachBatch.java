package io.olistlakehouse.streaming;

import java.util.function.Consumer;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The foreachBatch body of every streaming job: the micro-batch passes the gate (so a stop waits for it to finish),
 * goes to the sink with its marker, and its report to the listener.
 */
final class GatedForeachBatch<R> implements VoidFunction2<Dataset<Row>, Long> {

  private final MicroBatchGate gate;
  private final MicroBatchSink<R> sink;
  private final Consumer<R> reports;

  GatedForeachBatch(MicroBatchGate gate, MicroBatchSink<R> sink, Consumer<R> reports) {
    this.gate = gate;
    this.sink = sink;
    this.reports = reports;
  }

  @Override
  public void call(Dataset<Row> microBatch, Long batchId) throws Exception {
    gate.enter();
    try {
      reports.accept(sink.write(microBatch, MicroBatchMarker.ofBatch(microBatch, batchId)));
    } catch (Exception | Error e) {
      sink.abandoned();
      throw e;
    } finally {
      gate.leave();
    }
  }
}
