package io.olistlakehouse.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Topic creation that returns only when the topic is usable: brokers learn of a new topic one by one, so a describe
 * right after create can still answer "unknown topic" from a broker that has not caught up.
 */
public final class KafkaTopics {

  private KafkaTopics() {}

  /** Creates the topic unless it exists, then waits until every partition has a leader; returns its description. */
  public static TopicDescription ensure(Admin admin, NewTopic topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      try {
        admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
        }
      }
      while (true) {
        try {
          TopicDescription d = admin.describeTopics(List.of(topic.name())).allTopicNames()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic.name());
          if (d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
            return d;
          }
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
            throw new IllegalStateException("cannot describe topic " + topic.name() + ": " + e.getCause(), e);
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topic " + topic.name() + " has no leader for every partition after "
              + timeout.toSeconds() + " s");
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer within " + timeout.toSeconds() + " s while creating "
          + topic.name(), e);
    }
  }
}
