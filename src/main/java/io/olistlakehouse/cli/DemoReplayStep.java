package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.kafka.CommittedRecords;
import io.olistlakehouse.platform.kafka.KafkaClients;
import io.olistlakehouse.platform.kafka.KafkaClients.Role;
import io.olistlakehouse.replay.Pacing;
import io.olistlakehouse.replay.ReplayOutcome;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.replay.Replayer;
import io.olistlakehouse.source.OrderSource;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo's replay: the Olist CSVs of a folder when given, else a small synthetic set; then the topics are read
 * back as a read_committed consumer sees them. Running the demo again finds the replay completed.
 */
final class DemoReplayStep {

  private DemoReplayStep() {}

  /** Replays, prints what landed in Kafka, and returns the summary line. */
  static String run(LakehouseConfig config, Path olistDir) {
    long orders = config.getLong("demo.synthetic.orders");
    long seed = config.getLong("synthetic.seed");
    ReplayTopics topics = ReplayTopics.fromConfig(config);
    System.out.println(olistDir != null ? "== replay of the Olist CSVs in " + olistDir + " (--max)"
        : "== replay of " + orders + " synthetic orders, seed " + seed + " (--max; --olist-dir DIR for real data)");
    ReplayOutcome outcome;
    try (OrderSource source = olistDir != null ? ReplaySourceOptions.olist(olistDir)
        : ReplaySourceOptions.synthetic(orders, seed)) {
      outcome = new Replayer(config, topics, Pacing.MAX, System.err).run(source);
      ReplayReport.print(outcome, topics, source.rejections(), System.out);
    }
    System.out.println("== records per topic, read back from Kafka (read_committed)");
    ReplayReport.printCounts(CommittedRecords.count(KafkaClients.properties(config, Role.ADMIN), topics.eventTopics(),
        Duration.ofSeconds(config.getLong("replay.kafka.timeout.seconds"))), System.out);
    return String.format("%,d events in %d Kafka topics (%s...)", outcome.totalEvents(),
        topics.eventTopics().size(), topics.eventTopics().get(0));
  }
}
