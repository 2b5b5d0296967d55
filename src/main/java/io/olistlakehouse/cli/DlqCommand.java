package io.olistlakehouse.cli;

import io.olistlakehouse.bronze.dlq.DeadLetterReplay;
import io.olistlakehouse.bronze.dlq.DeadLetterReplay.LetterState;
import io.olistlakehouse.config.LakehouseConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dlq", mixinStandardHelpOptions = true,
    description = "The bronze dead letters (bronze.dead_letter): list them, and replay them through the pipeline "
        + "once their cause is fixed (docs/operations.md).",
    subcommands = {DlqCommand.ListLetters.class, DlqCommand.Replay.class})
final class DlqCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** The --reason and --stream filters both subcommands take. */
  static final class Selection {
    @Option(names = "--reason", paramLabel = "R", description = "Only letters of this reason (e.g. UNKNOWN_SCHEMA_ID).")
    String reason;

    @Option(names = "--stream", paramLabel = "S", description = "Only letters of this stream (e.g. payment).")
    String stream;

    DeadLetterReplay.Filter filter() {
      return new DeadLetterReplay.Filter(reason == null ? null : reason.toUpperCase(Locale.ROOT), stream);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Count the dead letters per stream and reason: replayed, waiting, and the highest attempt "
          + "(a replayed record that failed again is a new letter, one attempt higher).")
  static final class ListLetters implements Callable<Integer> {
    @Mixin
    Selection selection;

    @Option(names = "--show", paramLabel = "N", description = "Also print the first N letters waiting.")
    int show;

    @Override
    public Integer call() {
      List<LetterState> letters = new DeadLetterReplay(LakehouseConfig.load()).list(selection.filter());
      Map<String, long[]> groups = new TreeMap<>();
      for (LetterState s : letters) {
        long[] g = groups.computeIfAbsent(s.letter().stream() + "\t" + s.letter().reason(), k -> new long[3]);
        g[s.replayed() ? 0 : 1]++;
        g[2] = Math.max(g[2], s.attempt());
      }
      System.out.printf("%-28s %-22s %9s %9s %12s%n", "stream", "reason", "replayed", "waiting", "max attempt");
      groups.forEach((key, g) -> System.out.printf("%-28s %-22s %9d %9d %12d%n", key.split("\t")[0],
          key.split("\t")[1], g[0], g[1], g[2]));
      System.out.printf("%d dead letters, %d waiting%n", letters.size(),
          letters.stream().filter(s -> !s.replayed()).count());
      letters.stream().filter(s -> !s.replayed()).limit(show).forEach(s -> System.out.printf(
          "  %s  attempt %d  %s: %s%n", s.letter().id(), s.attempt(), s.letter().reason(), s.letter().errorMessage()));
      return 0;
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = "Publish the waiting letters' original bytes again to the topics they came from, so the ingest "
          + "lands them; each letter at most once (a mark in the same Kafka transaction). Run it once the cause is "
          + "fixed; a second replay of the same letters does nothing.")
  static final class Replay implements Callable<Integer> {
    @Mixin
    Selection selection;

    @Override
    public Integer call() {
      DeadLetterReplay replay = new DeadLetterReplay(LakehouseConfig.load());
      DeadLetterReplay.Outcome outcome = replay.replay(selection.filter());
      System.out.printf("replayed %d dead letters; %d replayed before, skipped (marks in %s)%n", outcome.replayed(),
          outcome.alreadyReplayed(), replay.marksTopic());
      return 0;
    }
  }
}
