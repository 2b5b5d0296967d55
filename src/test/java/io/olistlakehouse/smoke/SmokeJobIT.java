package io.olistlakehouse.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestSpark;
import org.junit.jupiter.api.Test;

class SmokeJobIT {

  @Test
  void createsAppendsReadsBackAndTimeTravelsOnTheS3Api() throws Exception {
    TestPlatform fixture = TestPlatform.shared();
    SmokeJob job = new SmokeJob(TestSpark.session());

    SmokeJob.Result first = job.run("run-a", 5);
    SmokeJob.Result second = job.run("run-b", 7);

    assertTrue(first.location().startsWith("s3://" + fixture.config().get("s3.bucket") + "/"), first.location());
    assertEquals(5, first.runRowsReadBack());
    assertEquals(7, second.runRowsReadBack());
    assertEquals(12, second.totalRows());
    assertEquals(first.firstSnapshotId(), second.firstSnapshotId());
    assertEquals(5, second.firstSnapshotRows(), "the first snapshot holds only the first run's rows");
    assertEquals(first.snapshots() + 1, second.snapshots());

    // The ad-hoc query path: bin/lakehouse sql shows the time-travel result.
    TestLauncher.Result sql = TestLauncher.run(fixture, "sql",
        "SELECT run_id, count(*) AS n FROM " + SmokeJob.TABLE + " VERSION AS OF " + second.firstSnapshotId()
            + " GROUP BY run_id", "--format", "json");
    assertEquals(0, sql.exitCode(), sql.stderr());
    JsonNode rows = new ObjectMapper().readTree(sql.stdout());
    assertEquals(1, rows.size(), sql.stdout());
    assertEquals("run-a", rows.get(0).get("run_id").asText());
    assertEquals(5, rows.get(0).get("n").asLong());

    TestLauncher.Result tsv = TestLauncher.run(fixture, "sql",
        "SELECT count(*) AS n FROM " + SmokeJob.TABLE);
    assertEquals(0, tsv.exitCode(), tsv.stderr());
    assertEquals("n\n12", tsv.stdout().strip());
  }
}
