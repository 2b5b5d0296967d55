package io.olistlakehouse.speed;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/** Which of the speed layer's topics do not exist yet (the replayer creates them; the speed job only reads). */
public final class SpeedTopics {

  private SpeedTopics() {}

  public static List<String> missing(SpeedSettings settings) throws Exception {
    try (Admin admin = Admin.create(settings.stream().kafkaClient())) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      return SpeedEventFrames.topics(settings).stream().filter(t -> !existing.contains(t)).toList();
    }
  }

  /** Fails with what to do, instead of Kafka's "does not host this topic-partition" from inside the query. */
  public static void require(SpeedSettings settings) throws Exception {
    List<String> missing = missing(settings);
    if (!missing.isEmpty()) {
      throw new IllegalStateException("topics " + missing + " do not exist yet: run `bin/lakehouse replay` first "
          + "(it creates them), or set speed.topic.prefix to the replay's prefix");
    }
  }
}
