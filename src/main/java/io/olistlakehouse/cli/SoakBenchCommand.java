package io.olistlakehouse.cli;

import io.olistlakehouse.bench.chaos.SoakBench;
import io.olistlakehouse.config.LakehouseConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "soak", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline (replay, ingest, speed, batch, supervised as in a chaos run) on scratch "
        + "topics and tables at --rate events/s of synthetic orders for --minutes, and sample every "
        + "soak.sample.seconds the memory of every process, the data and metadata files of every table, and the "
        + "consumer lag and freshness of the streaming jobs. Prints each sample and the first and last side by side, "
        + "and appends the samples to <bench.dir>/soak.tsv. Starts the platform first if it is not up."})
final class SoakBenchCommand implements Callable<Integer> {

  @Option(names = "--minutes", paramLabel = "M", required = true, description = "How long to feed the pipeline.")
  long minutes;

  @Option(names = "--rate", paramLabel = "R", required = true, description = "Replay events per second.")
  long rate;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the synthetic orders (default: synthetic.seed).")
  Long seed;

  @Override
  public Integer call() throws Exception {
    if (minutes < 1 || rate < 1) {
      throw new IllegalArgumentException("--minutes and --rate must be at least 1");
    }
    LakehouseConfig config = LakehouseConfig.load();
    Duration duration = Duration.ofMinutes(minutes);
    long orders = SoakBench.ordersFor(config, duration, rate);
    new SoakBench(config, System.out).run(new SoakBench.Plan(duration, rate, orders,
        seed != null ? seed : config.getLong("synthetic.seed")));
    return 0;
  }
}
