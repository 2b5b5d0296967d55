package io.olistlakehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.source.OrderSource;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The replay command's source and pacing options: valid combinations and clear refusals. */
class ReplayOptionsTest {

  private static final LakehouseConfig CONFIG = LakehouseConfig.load(
      Path.of(System.getProperty("lakehouse.home", ".")).resolve("configs/lakehouse.properties"), Map.of(),
      Path.of(System.getProperty("lakehouse.home", ".")));

  private static ReplayCommand parse(String... args) {
    ReplayCommand command = new ReplayCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void syntheticNeedsOrdersAndExcludesACsvFolder() {
    assertMessage(() -> parse("--synthetic").source.validate(), "--orders");
    assertMessage(() -> parse("--synthetic", "--orders", "5", "--olist-dir", "/tmp").source.validate(),
        "exclude");
    assertMessage(() -> parse("--orders", "5").source.validate(), "--synthetic");
  }

  @Test
  void syntheticOptionsOpenTheGeneratorWithTheGivenOrDefaultSeed() {
    try (OrderSource source = parse("--synthetic", "--orders", "3", "--seed", "9").source.open(CONFIG)) {
      assertEquals(3, source.orderCount());
      assertTrue(source.fingerprint().contains("seed=9"), source.fingerprint());
    }
    try (OrderSource source = parse("--synthetic", "--orders", "3").source.open(CONFIG)) {
      assertTrue(source.fingerprint().contains("seed=" + CONFIG.get("synthetic.seed")), source.fingerprint());
    }
  }

  @Test
  void aMissingCsvFolderIsNamed() {
    assertMessage(() -> parse("--olist-dir", "/nonexistent/olist").source.open(CONFIG), "/nonexistent/olist");
  }

  @Test
  void pacingComesFromTheFlagsOrTheConfiguration() {
    assertTrue(parse("--max").pacingOptions.pacing(CONFIG).max());
    assertEquals(86400.0, parse("--speed", "86400").pacingOptions.pacing(CONFIG).speed());
    assertEquals(CONFIG.get("replay.speed").equals("max"), parse().pacingOptions.pacing(CONFIG).max());
    assertEquals(20_000L, parse("--rate", "20000").pacingOptions.pacing(CONFIG).rate());
    assertMessage(() -> parse("--max", "--speed", "2").pacingOptions.pacing(CONFIG), "exclude");
    assertMessage(() -> parse("--rate", "5", "--max").pacingOptions.pacing(CONFIG), "exclude");
    assertMessage(() -> parse("--rate", "0").pacingOptions.pacing(CONFIG), "--rate");
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
