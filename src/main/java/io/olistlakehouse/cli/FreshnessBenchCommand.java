package io.olistlakehouse.cli;

import io.olistlakehouse.bench.FreshnessBench;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.source.OrderSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "freshness", mixinStandardHelpOptions = true,
    description = {"Freshness of the speed layer: runs the speed job continuously on fresh topics and tables while "
        + "the replayer publishes a synthetic set at --rate events/s, and measures for sampled orders the time from "
        + "sending the purchase event to its row being visible in speed.order_delivery through a fresh read. "
        + "Prints p50/p95/p99 and appends them to <bench.dir>/freshness.tsv."})
final class FreshnessBenchCommand implements Callable<Integer> {

  @Option(names = "--rate", paramLabel = "N", description = "Events per second (default: bench.freshness.rate).")
  Long rate;

  @Mixin
  BenchCommand.SyntheticSet set;

  @Override
  public Integer call() throws Exception {
    LakehouseConfig config = LakehouseConfig.load();
    long r = rate != null ? rate : config.getLong("bench.freshness.rate");
    Map<String, Object> parameters = set.parameters(config, "bench.freshness.orders");
    FreshnessBench.Plan plan = new FreshnessBench.Plan(r, (Long) parameters.get("orders"),
        Duration.ofSeconds(config.getLong("bench.freshness.warmup.seconds")),
        config.getInt("bench.freshness.sample.every"), config.getLong("bench.freshness.poll.ms"));
    try (OrderSource source = set.open(parameters)) {
      new FreshnessBench(config, System.out).run(plan, source, parameters);
    }
    return 0;
  }
}
