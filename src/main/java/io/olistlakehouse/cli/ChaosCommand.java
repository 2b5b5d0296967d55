package io.olistlakehouse.cli;

import io.olistlakehouse.bench.chaos.ChaosBench;
import io.olistlakehouse.bench.chaos.ChaosScenario;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.source.OrderSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline (replay, ingest, speed, batch) on scratch topics and tables, inject faults "
        + "by a seeded schedule, then check every table against the truth computed from the source: nothing lost, "
        + "nothing duplicated. Prints each fault with its recovery time and appends them to <bench.dir>/chaos.tsv. "
        + "Starts the platform first if it is not up. docs/reliability.md has the scenarios and the figures.",
        "Scenarios: kill (kill -9 of the replay, ingest, speed and batch jobs, which a supervisor restarts), broker "
            + "(a Kafka node down), s3 (the S3 API down), catalog (the catalog server down), bad-input (records "
            + "to dead-letter, duplicates, orphans and a late event sent beside the replay), evolution (a new "
            + "optional field mid-stream becomes a bronze column; an incompatible version is refused by the "
            + "registry)."})
final class ChaosCommand implements Callable<Integer> {

  @Option(names = "--scenario", split = ",", paramLabel = "NAME",
      description = "Scenarios to run (default: all), each in a pipeline of its own unless --together.")
  List<String> scenarios;

  @Option(names = "--together", description = "Run the scenarios' faults one after another in one pipeline.")
  boolean together;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the fault schedule (default: a random one, "
      + "printed, so that a run can be repeated).")
  Long seed;

  @Option(names = "--kills", paramLabel = "N", description = "kill -9s of the kill scenario (default: "
      + "chaos.kill.faults).")
  Integer kills;

  @Option(names = "--outage", paramLabel = "SECONDS", description = "Outage of every platform fault (default: "
      + "chaos.<scenario>.outage.seconds).")
  Long outage;

  @Option(names = "--rate", paramLabel = "N", description = "Replay rate in events/s (default: chaos.broker.rate "
      + "for the broker scenario, otherwise spread so the replay outlasts the faults).")
  Long rate;

  @Option(names = "--olist-dir", paramLabel = "DIR", description = "Olist CSVs to replay (default: olist.dir, "
      + "the sample; the broker scenario defaults to chaos.broker.orders synthetic orders).")
  Path olistDir;

  @Option(names = "--synthetic-orders", paramLabel = "N", description = "Replay N synthetic orders instead.")
  Long syntheticOrders;

  @Override
  public Integer call() throws Exception {
    LakehouseConfig config = LakehouseConfig.load();
    if (olistDir != null && syntheticOrders != null) {
      throw new IllegalArgumentException("--olist-dir and --synthetic-orders exclude each other: pick one source");
    }
    List<ChaosScenario> chosen = scenarios == null ? Arrays.asList(ChaosScenario.values())
        : scenarios.stream().map(ChaosScenario::of).toList();
    long runSeed = seed != null ? seed : new java.util.Random().nextInt(1_000_000);
    List<List<ChaosScenario>> runs = new ArrayList<>();
    if (together) {
      runs.add(chosen);
    } else {
      chosen.forEach(s -> runs.add(List.of(s)));
    }
    ChaosBench bench = new ChaosBench(config, System.out);
    boolean passed = true;
    for (List<ChaosScenario> run : runs) {
      passed &= bench.run(plan(config, run, runSeed));
    }
    return passed ? 0 : 1;
  }

  private ChaosBench.Plan plan(LakehouseConfig config, List<ChaosScenario> run, long runSeed) {
    boolean brokerAlone = run.equals(List.of(ChaosScenario.BROKER));
    Long orders = syntheticOrders != null ? syntheticOrders
        : brokerAlone && olistDir == null ? Long.valueOf(config.getLong("chaos.broker.orders")) : null;
    Long runRate = rate != null ? rate : brokerAlone ? Long.valueOf(config.getLong("chaos.broker.rate")) : null;
    Supplier<OrderSource> source;
    List<String> args;
    String label;
    if (orders != null) {
      long orderSeed = config.getLong("synthetic.seed");
      source = () -> ReplaySourceOptions.synthetic(orders, orderSeed);
      args = List.of("--synthetic", "--orders", Long.toString(orders), "--seed", Long.toString(orderSeed));
      label = orders + " synthetic orders";
    } else {
      Path dir = olistDir != null ? olistDir : config.getPath("olist.dir");
      source = () -> ReplaySourceOptions.olist(dir);
      args = List.of("--olist-dir", dir.toAbsolutePath().toString());
      label = "Olist CSVs in " + dir;
    }
    int killCount = kills != null ? kills : config.getInt("chaos.kill.faults");
    return new ChaosBench.Plan(run, runSeed, killCount, outage == null ? null : Duration.ofSeconds(outage), runRate,
        source, args, label);
  }
}
