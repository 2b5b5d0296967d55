package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.streaming.StreamingLayer;
import io.olistlakehouse.streaming.StreamingMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** A streaming layer's command: its job run to its end, as its spark-submit main runs it. */
abstract class StreamingJobCommand implements Callable<Integer> {

  @Option(names = "--once", description = "Process what Kafka holds now (in micro-batches of at most "
      + "<prefix>max.offsets.per.trigger records), then exit.")
  boolean once;

  abstract StreamingLayer<?> layer();

  @Override
  public Integer call() throws Exception {
    System.out.println(StreamingMain.run(LakehouseConfig.load(), layer(), once));
    return 0;
  }
}
