package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.olistlakehouse.bronze.TopicGroups.Slice;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class TopicGroupsTest {

  @Test
  void eachTopicIsOneGroupWhenNoneHoldsMoreThanAFairShareLargestFirst() {
    List<Slice> slices = List.of(slice(0, "a", 10), slice(1, "b", 30), slice(2, "a", 15), slice(3, "c", 5),
        slice(4, "b", 20));
    List<List<Slice>> groups = TopicGroups.plan(slices, 2); // 80 records, a fair share of 40: b holds 50

    assertEquals(List.of(List.of("b", "b"), List.of("a", "a"), List.of("c")), topics(groups));
    assertEquals(List.of(50L, 25L, 5L), sizes(groups));
  }

  @Test
  void aTopicOfSeveralFairSharesIsSplitIntoThatManyBalancedGroups() {
    List<Slice> slices = new ArrayList<>();
    for (int p = 0; p < 6; p++) {
      slices.add(slice(p, "order_status", 100));
    }
    slices.add(slice(6, "payment", 100));
    slices.add(slice(7, "review", 100));
    List<List<Slice>> groups = TopicGroups.plan(slices, 4); // 800 records, a fair share of 200: 3 shares of 6

    assertEquals(List.of(200L, 200L, 200L, 100L, 100L), sizes(groups));
    assertEquals(List.of("order_status", "order_status", "order_status"),
        topics(groups).subList(0, 3).stream().map(t -> t.get(0)).toList());
    assertEquals(8, groups.stream().mapToInt(List::size).sum());
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7),
        groups.stream().flatMap(List::stream).map(Slice::index).sorted().toList());
  }

  @Test
  void aTopicIsNeverSplitFinerThanItsPartitionsNorAnEmptyBatchIntoNothing() {
    assertEquals(List.of(1000L), sizes(TopicGroups.plan(List.of(slice(0, "geo", 1000), slice(1, "x", 0)), 8))
        .subList(0, 1));
    assertEquals(List.of(0L, 0L), sizes(TopicGroups.plan(List.of(slice(0, "a", 0), slice(1, "b", 0)), 2)));
  }

  /** Found by `bin/lakehouse chaos`: an ingest started before the replay failed on its first batch, run after run. */
  @Test
  void aBatchThatReadsNoPartitionIsAnEmptyRdd() {
    SparkSession spark = SparkSession.builder().master("local[1]").appName("topic-groups-test")
        .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    try {
      Dataset<Row> noPartitions = spark.emptyDataFrame();
      assertEquals(0, noPartitions.queryExecution().toRdd().getNumPartitions());
      assertEquals(0, TopicGroups.of(noPartitions).count());
    } finally {
      spark.close();
    }
  }

  private static Slice slice(int index, String topic, long records) {
    return new Slice(index, topic, records);
  }

  private static List<List<String>> topics(List<List<Slice>> groups) {
    return groups.stream().map(g -> g.stream().map(Slice::topic).toList()).toList();
  }

  private static List<Long> sizes(List<List<Slice>> groups) {
    return groups.stream().map(g -> g.stream().mapToLong(Slice::records).sum()).toList();
  }
}
