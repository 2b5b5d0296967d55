package io.olistlakehouse.cli;

import io.olistlakehouse.bench.AirflowBench;
import io.olistlakehouse.bench.BatchBench;
import io.olistlakehouse.bench.IngestBench;
import io.olistlakehouse.bench.ReplayBench;
import io.olistlakehouse.bench.ServeBench;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks against the running platform; results are appended under bench.dir.",
    subcommands = {BenchCommand.Replay.class, BenchCommand.Ingest.class, FreshnessBenchCommand.class,
        BenchCommand.Batch.class, BenchCommand.Airflow.class, BenchCommand.Serve.class, SoakBenchCommand.class})
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

    @Mixin
    SyntheticSet set;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "1",
        description = "Replay + ProducerPerformance pairs to run (default 1); each appends a row, and the median "
            + "ratio is printed. More rounds even out a busy machine.")
    int rounds;

    @Override
    public Integer call() {
      LakehouseConfig config = LakehouseConfig.load();
      if (rounds < 1) {
        throw new IllegalArgumentException("--rounds must be > 0");
      }
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        Map<String, Object> parameters = set.parameters(config, "bench.replay.orders");
        parameters.put("round", round + "/" + rounds);
        try (OrderSource source = set.open(parameters)) {
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

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = {"Replay a large synthetic set with --max into fresh topics (the backlog, not timed), then land "
          + "it with ingest --once into a fresh namespace. Prints the catch-up rate (events/s of the query; Spark "
          + "start-up and table creation excluded) and the number and mean size of the data files written, and "
          + "appends them to <bench.dir>/ingest.tsv. The benchmark's topics, tables and checkpoint are removed "
          + "afterwards unless --keep."})
  static final class Ingest implements Callable<Integer> {

    @Mixin
    SyntheticSet set;

    @Option(names = "--keep", description = "Keep the benchmark's topics, tables and checkpoint for inspection.")
    boolean keep;

    @Option(names = "--vs", paramLabel = "connect", description = "Anchor: after our ingest, land the same topics "
        + "again with Apache Iceberg's Kafka Connect sink (on a Connect worker in its own JVM; timed from creating "
        + "the connector to its last commit) and print both rates and their ratio.")
    String vs;

    @Override
    public Integer call() throws Exception {
      if (vs != null && !vs.equals("connect")) {
        throw new IllegalArgumentException("--vs takes 'connect' (Iceberg's Kafka Connect sink), got '" + vs + "'");
      }
      LakehouseConfig config = LakehouseConfig.load();
      Map<String, Object> parameters = set.parameters(config, "bench.ingest.orders");
      try (OrderSource source = set.open(parameters)) {
        new IngestBench(config, System.out).run(source, parameters, keep, vs != null);
      }
      return 0;
    }
  }

  @Command(name = "batch", mixinStandardHelpOptions = true,
      description = {"Replay a synthetic set with --max into fresh topics and land it with ingest --once into a "
          + "fresh bronze namespace (not timed), then time a batch run of all jobs into fresh silver and gold "
          + "namespaces (the first run: full). Then replay 1%% more orders (N/100, at least one) from the next seed "
          + "into the same topics, land them (not timed) and time the next batch run (incremental). Prints both "
          + "times (batch runs only, in one Spark session created beforehand) and their ratio, and appends them to "
          + "<bench.dir>/batch.tsv. The benchmark's topics, tables and checkpoint are removed afterwards unless "
          + "--keep."})
  static final class Batch implements Callable<Integer> {

    @Mixin
    SyntheticSet set;

    @Option(names = "--keep", description = "Keep the benchmark's topics, tables and checkpoint for inspection.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
      LakehouseConfig config = LakehouseConfig.load();
      Map<String, Object> parameters = set.parameters(config, "bench.batch.orders");
      long appendedOrders = BatchBench.appendedOrders((Long) parameters.get("orders"));
      long appendedSeed = BatchBench.appendedSeed((Long) parameters.get("seed"));
      parameters.put("appended_orders", appendedOrders);
      parameters.put("appended_seed", appendedSeed);
      try (OrderSource backlog = set.open(parameters);
          OrderSource appended = ReplaySourceOptions.synthetic(appendedOrders, appendedSeed)) {
        new BatchBench(config, System.out).run(backlog, appended, parameters, keep);
      }
      return 0;
    }
  }

  @Command(name = "airflow", mixinStandardHelpOptions = true,
      description = {"Replay a synthetic set with --max into fresh topics and land it in a fresh bronze namespace "
          + "(not timed), then time, each into fresh silver and gold namespaces and from start to exit: "
          + "bin/lakehouse batch, and bin/lakehouse airflow dags test lakehouse_batch with the DAG's tasks by "
          + "layer, by dependency level and by job. Appends the times and the DAG / direct ratios to "
          + "<bench.dir>/airflow.tsv. The benchmark's topics and tables are removed afterwards unless --keep."})
  static final class Airflow implements Callable<Integer> {

    @Mixin
    SyntheticSet set;

    @Option(names = "--keep", description = "Keep the benchmark's topics and tables for inspection.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
      LakehouseConfig config = LakehouseConfig.load();
      Map<String, Object> parameters = set.parameters(config, "bench.airflow.orders");
      try (OrderSource backlog = set.open(parameters)) {
        new AirflowBench(config, System.out).run(backlog, parameters, keep);
      }
      return 0;
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = {"Replay a synthetic set with --max into fresh topics, land it, batch it and run the speed layer "
          + "over it into fresh namespaces (not timed), and start a Thrift server of the bench's own over them "
          + "(port bench.serve.thrift.port). Then time each dashboard query (src/main/resources/serve/"
          + "dashboard_queries.sql) through Hive JDBC: --repeats times alone, then --repeats times with --clients "
          + "clients at once. Prints p50/p95 per query and appends them to <bench.dir>/serve.tsv. The "
          + "benchmark's topics, tables and checkpoints are removed afterwards unless --keep."})
  static final class Serve implements Callable<Integer> {

    @Mixin
    SyntheticSet set;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "4",
        description = "Concurrent clients of the second round (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "20",
        description = "Timed runs of each query, alone and again with the clients (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--vs", paramLabel = "trino", description = "Anchor: time the same queries, in the same run, "
        + "through Trino's Iceberg connector over the same catalog (installed under bench.trino.dir on first use) "
        + "and print the ratios.")
    String vs;

    @Option(names = "--keep", description = "Keep the benchmark's topics, tables and checkpoints for inspection.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
      if (vs != null && !vs.equals("trino")) {
        throw new IllegalArgumentException("--vs takes trino, got " + vs);
      }
      if (clients < 1 || repeats < 1) {
        throw new IllegalArgumentException("--clients and --repeats must be > 0");
      }
      LakehouseConfig config = LakehouseConfig.load();
      Map<String, Object> parameters = set.parameters(config, "bench.serve.orders");
      try (OrderSource source = set.open(parameters)) {
        new ServeBench(config, System.out).run(source, parameters, clients, repeats, vs != null, keep);
      }
      return 0;
    }
  }

  /** The synthetic set a benchmark replays: its size and seed, defaults from the configuration. */
  static final class SyntheticSet {

    @Option(names = "--orders", paramLabel = "N",
        description = "Synthetic orders to replay (default: the bench's bench.<name>.orders key).")
    Long orders;

    @Option(names = "--seed", paramLabel = "S", description = "Generator seed (default: synthetic.seed).")
    Long seed;

    /** The set's parameters as the results file records them: orders, then seed. */
    Map<String, Object> parameters(LakehouseConfig config, String defaultOrdersKey) {
      long n = orders != null ? orders : config.getLong(defaultOrdersKey);
      if (n < 1) {
        throw new IllegalArgumentException("--orders must be > 0");
      }
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("orders", n);
      parameters.put("seed", seed != null ? seed : config.getLong("synthetic.seed"));
      return parameters;
    }

    OrderSource open(Map<String, Object> parameters) {
      return ReplaySourceOptions.synthetic((Long) parameters.get("orders"), (Long) parameters.get("seed"));
    }
  }
}
