package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.replay.Pacing;
import io.olistlakehouse.replay.ReplayOutcome;
import io.olistlakehouse.replay.ReplayTopics;
import io.olistlakehouse.replay.Replayer;
import io.olistlakehouse.source.OrderSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Replay Olist orders as change events into the bronze topics (Avro, Confluent wire format), in "
        + "event-time order, inside Kafka transactions. Restart-safe: run it again after a crash and it continues "
        + "exactly after the last committed transaction; a completed replay publishes nothing. On SIGTERM it "
        + "commits what it has sent and exits; run it again to go on.",
        "Topics are named after the streams, behind replay.topic.prefix (LAKEHOUSE_REPLAY_TOPIC_PREFIX)."})
final class ReplayCommand implements Callable<Integer> {

  @Mixin
  ReplaySourceOptions source;

  @Mixin
  PacingOptions pacingOptions;

  @Override
  public Integer call() {
    LakehouseConfig config = LakehouseConfig.load();
    Pacing pacing = pacingOptions.pacing(config);
    ReplayTopics topics = ReplayTopics.fromConfig(config);
    System.out.println("replaying " + source.describe(config) + " into "
        + (topics.prefix().isEmpty() ? "the stream topics" : "topics prefixed '" + topics.prefix() + "'")
        + ", pacing " + pacing.describe());
    // SIGTERM (a service manager, Ctrl-C): stop sending and commit what was sent, so the replay resumes exactly
    // there and read_committed readers are not held up by an open transaction until it times out.
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.set(true);
      awaitQuietly(finished, config.getLong("replay.kafka.timeout.seconds"));
    }, "replay-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (OrderSource orders = source.open(config)) {
      ReplayOutcome outcome = new Replayer(config, topics, pacing, System.err).stoppingWhen(stop::get).run(orders);
      ReplayReport.print(outcome, topics, orders.rejections(), System.out);
    } finally {
      finished.countDown();
    }
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch, long seconds) {
    try {
      latch.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
