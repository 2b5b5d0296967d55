package io.olistlakehouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows with extra trailing columns (the connect anchor's) widen the header; rows without them are padded. */
class BenchResultsFileTest {

  @TempDir
  Path dir;

  private static LinkedHashMap<String, String> row(Map<String, Object> values) {
    return BenchResultsFile.row(new LinkedHashMap<>(values));
  }

  @Test
  void trailingColumnsWidenTheHeaderAndMissingOnesArePadded() throws IOException {
    BenchResultsFile file = new BenchResultsFile(dir.resolve("ingest.tsv"));
    LinkedHashMap<String, String> plain = new LinkedHashMap<>();
    plain.put("date", "d1");
    plain.put("events_per_s", "100");
    file.append(plain);
    LinkedHashMap<String, String> anchored = new LinkedHashMap<>(plain);
    anchored.put("date", "d2");
    anchored.put("connect_events_per_s", "50");
    file.append(anchored);
    plain.put("date", "d3");
    file.append(plain);
    assertEquals(List.of("date\tevents_per_s\tconnect_events_per_s", "d1\t100", "d2\t100\t50", "d3\t100\t-"),
        Files.readAllLines(file.path()));
  }

  @Test
  void otherColumnsAreStillRefused() {
    BenchResultsFile file = new BenchResultsFile(dir.resolve("ingest.tsv"));
    file.append(row(Map.of("date", "d1")));
    assertThrows(IllegalStateException.class, () -> file.append(row(Map.of("when", "d2"))));
  }
}
