package io.olistlakehouse.streaming;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * A streaming job's consumer lag: offsets between its position (where its last micro-batch ended) and the log end,
 * per topic, asked of Kafka when Prometheus scrapes. The log end is the last stable offset, as the job reads
 * committed records only. Before the first micro-batch, or while Kafka does not answer, there is no figure.
 */
public final class KafkaLag implements AutoCloseable {

  private final Admin admin;
  private volatile Map<TopicPartition, Long> position = Map.of();

  /** {@code client}: bootstrap servers and authentication, as the job connects. */
  public KafkaLag(Properties client) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    this.admin = Admin.create(props);
  }

  /** The job's position after a micro-batch: partitions not named keep theirs. */
  void position(Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> next = new HashMap<>(position);
    next.putAll(end);
    position = Map.copyOf(next);
  }

  /** Offsets behind the log end per topic; empty when unknown. */
  public Map<String, Long> behindLogEnd() {
    Map<TopicPartition, Long> at = position;
    if (at.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    at.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    try {
      Map<TopicPartition, Long> logEnd = new HashMap<>();
      admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
          .get(5, TimeUnit.SECONDS).forEach((tp, info) -> logEnd.put(tp, info.offset()));
      return SourceOffsets.perTopic(at, logEnd);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    } catch (Exception e) {
      return Map.of();
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
