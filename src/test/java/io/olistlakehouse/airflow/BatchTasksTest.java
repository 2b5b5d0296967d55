package io.olistlakehouse.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchTasksTest {

  private static final Path HOME = Path.of(".").toAbsolutePath().normalize();

  private static List<JobManifest> projectManifests() {
    return JobManifest.all(LakehouseConfig.load(HOME.resolve("configs/lakehouse.properties"), Map.of(), HOME));
  }

  private static JobManifest job(String job, String... dependsOn) {
    return new JobManifest(job.replace('.', '_'), "", "Main", "app", "batch.", Map.of(), Map.of(), job,
        List.of(dependsOn));
  }

  @Test
  void byLevelTheSilverJobsShareATaskAndGoldFollowsItsTwoLevels() {
    List<BatchTasks.Task> tasks = BatchTasks.of(projectManifests(), BatchTasks.Grouping.LEVEL);
    assertEquals(List.of("silver", "gold_1", "gold_2"), tasks.stream().map(BatchTasks.Task::id).toList());
    assertEquals(6, tasks.get(0).jobs().size());
    assertTrue(tasks.get(0).jobs().stream().allMatch(j -> j.startsWith("silver.")), tasks.get(0).toString());
    assertEquals(List.of(), tasks.get(0).upstream());
    assertEquals(List.of("silver"), tasks.get(1).upstream());
    assertEquals(List.of("gold.fact_monthly_sales_by_product"), tasks.get(2).jobs());
    assertEquals(List.of("gold_1"), tasks.get(2).upstream());
  }

  @Test
  void byLayerGoldWaitsForSilver() {
    List<BatchTasks.Task> tasks = BatchTasks.of(projectManifests(), BatchTasks.Grouping.LAYER);
    assertEquals(List.of("silver", "gold"), tasks.stream().map(BatchTasks.Task::id).toList());
    assertEquals(6, tasks.get(0).jobs().size());
    assertEquals(5, tasks.get(1).jobs().size());
    assertEquals("gold.fact_monthly_sales_by_product", tasks.get(1).jobs().get(4), "after the job it reads");
    assertEquals(List.of("silver"), tasks.get(1).upstream());
  }

  @Test
  void byJobEveryJobIsATaskWaitingForTheJobsItReads() {
    List<BatchTasks.Task> tasks = BatchTasks.of(projectManifests(), BatchTasks.Grouping.JOB);
    assertEquals(11, tasks.size());
    BatchTasks.Task detail = tasks.stream().filter(t -> t.id().equals("gold_fact_order_detail")).findFirst()
        .orElseThrow();
    assertEquals(List.of("gold.fact_order_detail"), detail.jobs());
    assertEquals(List.of("silver_order_line", "silver_order_event", "silver_product"), detail.upstream());
  }

  @Test
  void aLayerOnOneLevelIsNamedWithoutANumberAndManifestsWithoutAJobAreLeftOut() {
    JobManifest ingest = new JobManifest("bronze_ingest", "", "Main", "app", "ingest.", Map.of(), Map.of(), "",
        List.of());
    List<BatchTasks.Task> tasks = BatchTasks.of(List.of(ingest, job("silver.a"), job("silver.b"),
        job("gold.c", "silver.a", "silver.b")), BatchTasks.Grouping.LEVEL);
    assertEquals(List.of(new BatchTasks.Task("silver", List.of("silver.a", "silver.b"), List.of()),
        new BatchTasks.Task("gold", List.of("gold.c"), List.of("silver"))), tasks);
  }

  @Test
  void anUnknownDependencyOrACircleFailsWithTheJobsNamed() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> BatchTasks.of(List.of(job("gold.c", "silver.x")), BatchTasks.Grouping.LEVEL));
    assertTrue(unknown.getMessage().contains("silver.x"), unknown.getMessage());
    IllegalArgumentException circle = assertThrows(IllegalArgumentException.class,
        () -> BatchTasks.of(List.of(job("silver.a", "silver.b"), job("silver.b", "silver.a")),
            BatchTasks.Grouping.JOB));
    assertTrue(circle.getMessage().contains("circle"), circle.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BatchTasks.grouping("stage"));
  }
}
