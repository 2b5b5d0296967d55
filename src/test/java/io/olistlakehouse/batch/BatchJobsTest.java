package io.olistlakehouse.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.batch.incremental.BatchJob;
import io.olistlakehouse.batch.incremental.BatchSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job list, its dependency order, and the one manifest per job that spark-submit and Airflow read. */
class BatchJobsTest {

  private static final BatchSettings SETTINGS = new BatchSettings("lakehouse", "bronze", "silver", "gold");
  private static final Path JOBS = Path.of(System.getProperty("lakehouse.home", ".")).resolve("jobs");

  @Test
  void silverRunsBeforeGoldAndSelectionKeepsTheOrder() {
    List<String> names = BatchJobs.all(SETTINGS).stream().map(BatchJob::name).toList();
    assertEquals(11, names.size());
    assertTrue(names.indexOf("silver.review") < names.indexOf("gold.fact_order_lead_days"));
    assertEquals(List.of("silver.order_event", "gold.fact_monthly_sales_by_product"),
        BatchJobs.select(SETTINGS, List.of("gold.fact_monthly_sales_by_product", "silver.order_event")).stream()
            .map(BatchJob::name).toList());
  }

  @Test
  void anUnknownJobIsRefusedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BatchJobs.select(SETTINGS, List.of("gold.nope")));
    assertTrue(e.getMessage().contains("silver.order_event"), e.getMessage());
  }

  @Test
  void everyJobHasAManifestThatRunsItAndNamesItsDependencies() throws Exception {
    for (BatchJob job : BatchJobs.all(SETTINGS)) {
      JsonNode m = new ObjectMapper().readTree(JOBS.resolve(BatchMain.manifestName(job.name()) + ".json").toFile());
      assertEquals(BatchMain.class.getName(), m.path("main_class").asText(), job.name());
      assertEquals(List.of("--only", job.name()), strings(m.path("modes").path("incremental")), job.name());
      assertEquals(List.of("--only", job.name(), "--full"), strings(m.path("modes").path("full")), job.name());
      assertEquals(job.dependsOn(), strings(m.path("depends_on")), job.name());
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
