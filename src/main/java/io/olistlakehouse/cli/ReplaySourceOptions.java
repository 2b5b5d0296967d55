package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.source.OrderSource;
import io.olistlakehouse.source.olist.OlistCsvSource;
import io.olistlakehouse.source.synthetic.SyntheticSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which orders to replay: the Olist CSVs of a folder, or the synthetic generator. */
final class ReplaySourceOptions {

  @Option(names = "--olist-dir", paramLabel = "DIR",
      description = "Folder with the Olist CSVs (default: olist.dir of the configuration, the sample).")
  Path olistDir;

  @Option(names = "--synthetic", description = "Replay generated orders instead of CSVs (needs --orders).")
  boolean synthetic;

  @Option(names = "--orders", paramLabel = "N", description = "How many synthetic orders.")
  Long orders;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the synthetic generator (default: synthetic.seed of the configuration).")
  Long seed;

  /** Checks the combination; the message says what is wrong. */
  void validate() {
    if (synthetic && olistDir != null) {
      throw new IllegalArgumentException("--olist-dir and --synthetic exclude each other: pick one source");
    }
    if (synthetic && (orders == null || orders < 1)) {
      throw new IllegalArgumentException("--synthetic needs --orders N (N > 0)");
    }
    if (!synthetic && (orders != null || seed != null)) {
      throw new IllegalArgumentException("--orders and --seed apply to --synthetic only");
    }
  }

  OrderSource open(LakehouseConfig config) {
    validate();
    return synthetic ? synthetic(orders, seedOr(config)) : olist(olistDir != null ? olistDir
        : config.getPath("olist.dir"));
  }

  long seedOr(LakehouseConfig config) {
    return seed != null ? seed : config.getLong("synthetic.seed");
  }

  static OrderSource synthetic(long orders, long seed) {
    return new SyntheticSource(orders, seed);
  }

  static OrderSource olist(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no Olist data folder at " + dir.toAbsolutePath()
          + " (give --olist-dir DIR or set olist.dir)");
    }
    try {
      return OlistCsvSource.open(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Olist CSVs in " + dir + ": " + e.getMessage(), e);
    }
  }

  String describe(LakehouseConfig config) {
    return synthetic ? "synthetic, " + orders + " orders, seed " + seedOr(config)
        : "Olist CSVs in " + (olistDir != null ? olistDir : config.getPath("olist.dir"));
  }
}
