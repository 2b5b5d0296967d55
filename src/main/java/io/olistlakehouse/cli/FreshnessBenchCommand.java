package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.speed.FreshnessBench;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "freshness", mixinStandardHelpOptions = true,
    description = {"Freshness of the speed layer: runs the speed job continuously on fresh topics and tables while "
        + "a sustained load of new orders is produced at --rate events/s, and measures for sampled orders the time "
        + "from producing the purchase event to its row being visible in speed.order_delivery through a fresh "
        + "read. Prints p50/p95/p99 and appends them to <bench.dir>/freshness.tsv."})
final class FreshnessBenchCommand implements Callable<Integer> {

  @Option(names = "--rate", paramLabel = "N", description = "Events per second (default: bench.freshness.rate).")
  Long rate;

  @Option(names = "--seconds", paramLabel = "S",
      description = "Measured seconds after the warm-up (default: bench.freshness.seconds).")
  Long seconds;

  @Override
  public Integer call() throws Exception {
    LakehouseConfig config = LakehouseConfig.load();
    long r = rate != null ? rate : config.getLong("bench.freshness.rate");
    long s = seconds != null ? seconds : config.getLong("bench.freshness.seconds");
    if (r < 4 || s < 1) {
      throw new IllegalArgumentException("--rate must be >= 4 (one order is four events) and --seconds >= 1");
    }
    new FreshnessBench(config, System.out).run(new FreshnessBench.Plan(r, Duration.ofSeconds(s),
        Duration.ofSeconds(config.getLong("bench.freshness.warmup.seconds")),
        config.getInt("bench.freshness.sample.every"), config.getLong("bench.freshness.poll.ms")));
    return 0;
  }
}
