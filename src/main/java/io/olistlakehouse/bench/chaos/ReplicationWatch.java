package io.olistlakehouse.bench.chaos;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/** Whether every partition of the run's topics has all its replicas in sync: a returned broker has caught up. */
final class ReplicationWatch {

  private final Admin admin;
  private final List<String> topics;
  private final Duration timeout;

  ReplicationWatch(Admin admin, List<String> topics, Duration timeout) {
    this.admin = admin;
    this.topics = topics;
    this.timeout = timeout;
  }

  boolean fullyReplicated() {
    try {
      for (TopicDescription topic : admin.describeTopics(topics).allTopicNames()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).values()) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          if (partition.isr().size() < partition.replicas().size()) {
            return false;
          }
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false; // the cluster is still electing or the broker still loading: not caught up yet
    }
  }
}
