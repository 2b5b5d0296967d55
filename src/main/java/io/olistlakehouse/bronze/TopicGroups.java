package io.olistlakehouse.bronze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partition;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.PartitionCoalescer;
import org.apache.spark.rdd.PartitionGroup;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.v2.DataSourceRDDPartition;
import org.apache.spark.sql.kafka010.KafkaBatchInputPartition;
import org.apache.spark.sql.kafka010.KafkaOffsetRange;
import org.apache.spark.sql.kafka010.KafkaSourceRDDPartition;
import scala.Option;

/**
 * A batch's Kafka partitions grouped by topic, one task per group, so that a task lands its topic's rows of a day in
 * one file (more tasks per topic would mean more files per day) with no shuffle in between. A topic holding more than
 * a fair share of the batch (its records over the cluster's task slots) is split into about that many shares to keep
 * every core busy; groups are handed out largest first, as Spark starts tasks in order.
 */
// scala.Serializable: Spark 2.12 checks for it, and it extends java.io.Serializable.
final class TopicGroups implements PartitionCoalescer, scala.Serializable {

  private static final long serialVersionUID = 1L;

  /** One Kafka partition's slice of the batch: its RDD partition, topic and number of offsets. */
  record Slice(int index, String topic, long records) {}

  private final int slots;

  private TopicGroups(int slots) {
    this.slots = slots;
  }

  /**
   * The internal rows of a batch's Kafka source frame, one RDD partition per group. The frame must read the Kafka
   * source directly (projections only), so that its partitions are the source's own.
   */
  static JavaRDD<InternalRow> of(Dataset<Row> kafka) {
    RDD<InternalRow> rows = kafka.queryExecution().toRdd();
    if (rows.getNumPartitions() == 0) {
      // A batch whose offsets moved over transaction markers only reads no partition: nothing to group (coalescing
      // to zero partitions throws, and the restarted job would fail on the same batch for ever).
      return rows.toJavaRDD();
    }
    int slots = kafka.sparkSession().sparkContext().defaultParallelism();
    return rows.coalesce(rows.getNumPartitions(), false, Option.apply(new TopicGroups(slots)), null).toJavaRDD();
  }

  @Override
  public PartitionGroup[] coalesce(int maxPartitions, RDD<?> parent) {
    Partition[] partitions = parent.partitions();
    List<Slice> slices = new ArrayList<>();
    for (Partition partition : partitions) {
      slices.add(slice(partition));
    }
    List<List<Slice>> plan = plan(slices, slots);
    PartitionGroup[] groups = new PartitionGroup[plan.size()];
    for (int g = 0; g < groups.length; g++) {
      groups[g] = new PartitionGroup(Option.empty());
      for (Slice slice : plan.get(g)) {
        groups[g].partitions().$plus$eq(partitions[slice.index()]);
      }
    }
    return groups;
  }

  /**
   * Slices grouped by topic; a topic with more than {@code total / slots} records split into
   * {@code records / (total / slots)} groups of about equal size. Largest group first; every slice in one group.
   */
  static List<List<Slice>> plan(List<Slice> slices, int slots) {
    Map<String, List<Slice>> byTopic = new LinkedHashMap<>();
    long total = 0;
    for (Slice slice : slices) {
      byTopic.computeIfAbsent(slice.topic(), t -> new ArrayList<>()).add(slice);
      total += slice.records();
    }
    double fairShare = Math.max(1.0, (double) total / Math.max(1, slots));
    List<List<Slice>> groups = new ArrayList<>();
    for (List<Slice> topic : byTopic.values()) {
      long records = topic.stream().mapToLong(Slice::records).sum();
      int shares = (int) Math.max(1, Math.min(topic.size(), Math.floor(records / fairShare)));
      groups.addAll(split(topic, shares));
    }
    groups.sort(Comparator.comparingLong(TopicGroups::records).reversed());
    return groups;
  }

  /** Slices into {@code shares} groups, each next slice (largest first) to the group with the fewest records. */
  private static List<List<Slice>> split(List<Slice> topic, int shares) {
    List<List<Slice>> groups = new ArrayList<>();
    for (int i = 0; i < shares; i++) {
      groups.add(new ArrayList<>());
    }
    topic.stream().sorted(Comparator.comparingLong(Slice::records).reversed()).forEach(slice ->
        groups.stream().min(Comparator.comparingLong(TopicGroups::records)).orElseThrow().add(slice));
    groups.removeIf(List::isEmpty);
    return groups;
  }

  private static long records(List<Slice> group) {
    return group.stream().mapToLong(Slice::records).sum();
  }

  /** The topic and size of a partition of Spark's Kafka source: streaming (micro-batch) or a batch read. */
  private static Slice slice(Partition partition) {
    KafkaOffsetRange range = null;
    if (partition instanceof DataSourceRDDPartition source && source.inputPartitions().size() == 1
        && source.inputPartitions().head() instanceof KafkaBatchInputPartition kafka) {
      range = kafka.offsetRange();
    } else if (partition instanceof KafkaSourceRDDPartition kafka) {
      range = kafka.offsetRange();
    }
    if (range == null) {
      throw new IllegalStateException("expected a partition of Spark's Kafka source, got "
          + partition.getClass().getName() + ": the ingest reads the source frame directly");
    }
    return new Slice(partition.index(), range.topicPartition().topic(), range.size());
  }
}
