package io.olistlakehouse.cli;

import io.olistlakehouse.batch.BatchMain;
import io.olistlakehouse.batch.incremental.BatchJobOutcome;
import io.olistlakehouse.config.LakehouseConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "batch", mixinStandardHelpOptions = true,
    description = "Run the batch layer: the silver jobs, then the gold jobs, in dependency order. Each job reads "
        + "only the source snapshots added since its last commit and records them in its own commit; a job whose "
        + "sources are unchanged commits nothing.")
final class BatchCommand implements Callable<Integer> {

  @Option(names = "--only", arity = "1..*", paramLabel = "JOB",
      description = "Run only these jobs (silver.order_event, gold.fact_order_detail, ...), in dependency order.")
  List<String> only;

  @Option(names = "--full", description = "Recompute the jobs' tables from scratch instead of incrementally.")
  boolean full;

  @Override
  public Integer call() throws Exception {
    List<BatchJobOutcome> outcomes = BatchMain.run(LakehouseConfig.load(), only, full, System.out);
    return outcomes.isEmpty() ? 1 : 0;
  }
}
