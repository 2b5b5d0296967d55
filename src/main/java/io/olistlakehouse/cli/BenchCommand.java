package io.olistlakehouse.cli;

import io.olistlakehouse.bench.ReplayBench;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.source.OrderSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks against the running platform; results are appended under bench.dir.",
    subcommands = {BenchCommand.Replay.class})
final class BenchCommand implements Runnable {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = {"Replay a large synthetic set with --max into fresh topics, then run Kafka's "
          + "ProducerPerformance on the same cluster with the same record count and mean record size (acks=all, "
          + "the replayer's producer tuning). Prints both rates and their ratio and appends them to "
          + "<bench.dir>/replay.tsv. The benchmark topics are deleted afterwards."})
  static final class Replay implements Callable<Integer> {

    @Option(names = "--orders", paramLabel = "N",
        description = "Synthetic orders to replay (default: bench.replay.orders, over 1M events).")
    Long orders;

    @Option(names = "--seed", paramLabel = "S", description = "Generator seed (default: synthetic.seed).")
    Long seed;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "1",
        description = "Replay + ProducerPerformance pairs to run (default 1); each appends a row, and the median "
            + "ratio is printed. More rounds even out a busy machine.")
    int rounds;

    @Override
    public Integer call() {
      LakehouseConfig config = LakehouseConfig.load();
      long n = orders != null ? orders : config.getLong("bench.replay.orders");
      long s = seed != null ? seed : config.getLong("synthetic.seed");
      if (n < 1) {
        throw new IllegalArgumentException("--orders must be > 0");
      }
      if (rounds < 1) {
        throw new IllegalArgumentException("--rounds must be > 0");
      }
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("orders", n);
        parameters.put("seed", s);
        parameters.put("round", round + "/" + rounds);
        try (OrderSource source = ReplaySourceOptions.synthetic(n, s)) {
          ratios.add(new ReplayBench(config, System.out).run(source, parameters).ratio());
        }
      }
      if (rounds > 1) {
        List<Double> sorted = ratios.stream().sorted().toList();
        double median = rounds % 2 == 1 ? sorted.get(rounds / 2)
            : (sorted.get(rounds / 2 - 1) + sorted.get(rounds / 2)) / 2;
        System.out.printf(Locale.ROOT, "== ratios %s, median %.2f%n",
            ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(), median);
      }
      return 0;
    }
  }
}
