package io.olistlakehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.superset.SupersetAssets;
import io.olistlakehouse.platform.superset.SupersetScreenshots;
import io.olistlakehouse.platform.superset.SupersetSecrets;
import io.olistlakehouse.testing.TestEventProducer;
import io.olistlakehouse.testing.TestSuperset;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboards as code against the real thing: part of the Olist sample replayed, landed in bronze (with one record
 * that cannot be decoded), run through the speed and batch layers, served by a Thrift server, and Superset of the
 * test's own with the dashboards imported. Every chart's data equals its question asked over JDBC
 * ({@code superset/chart_questions.sql}); every chart renders in headless Chromium; more events and a batch run
 * change what the charts show.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardsSampleIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target/superset-screenshots").toAbsolutePath();
  private static final Map<String, String> QUESTIONS = ChartAnswers.questions();
  private static final Map<String, Integer> WALL_CLOCK_COLUMNS = ChartAnswers.wallClockColumns();

  private static SampleLakehouse lakehouse;
  private static Platform superset;
  private static LakehouseConfig config;
  private static TestSuperset api;
  private static Map<String, List<List<String>>> firstAnswers;

  @BeforeAll
  static void setUp() throws Exception {
    lakehouse = new SampleLakehouse("dash", "it-" + UUID.randomUUID());
    lakehouse.replayFor(Duration.ofSeconds(6), () -> { });
    try (TestEventProducer producer = new TestEventProducer(lakehouse.ingest.config(), lakehouse.ingest.topics())) {
      producer.send(lakehouse.ingest.topics().topic(BronzeStream.REVIEW), "bad".getBytes(StandardCharsets.UTF_8),
          "not avro".getBytes(StandardCharsets.UTF_8), Instant.now());
      producer.flush();
    }
    runPipeline();
    superset = TestSuperset.node(lakehouse.platform, lakehouse.server.config(), lakehouse.name(), Map.of());
    superset.up();
    config = superset.config();
    SupersetAssets.importAll(config);
    SupersetSecrets secrets = SupersetSecrets.current(config);
    api = TestSuperset.api(config, secrets.adminUser(), secrets.adminPassword());
  }

  @AfterAll
  static void tearDown() {
    if (superset != null) {
      superset.down();
    }
    if (lakehouse != null) {
      lakehouse.close();
    }
  }

  private static void runPipeline() throws Exception {
    lakehouse.ingestOnce();
    lakehouse.speedOnce();
    lakehouse.batch(lakehouse.settings, false);
  }

  @Test
  @Order(1)
  void everyChartAnswersAsItsQuestionOverJdbc() throws Exception {
    firstAnswers = new LinkedHashMap<>();
    for (String chart : charts()) {
      List<List<String>> answer = chartData(chart);
      List<List<String>> overJdbc = lakehouse.query(question(chart));
      assertFalse(answer.isEmpty(), chart + " has rows");
      assertSameAnswer(chart, overJdbc, answer);
      if (chart.equals("delivery_status")) {
        assertEquals(overJdbc.stream().map(r -> r.get(0)).toList(), answer.stream().map(r -> r.get(0)).toList(),
            "the delayed orders in priority order");
      }
      firstAnswers.put(chart, ChartAnswers.normalize(answer));
    }
    assertEquals(15, firstAnswers.size(), "the three dashboards' charts");
  }

  @Test
  @Order(2)
  void everyDashboardRendersEveryChart() throws Exception {
    List<SupersetScreenshots.DashboardRender> renders = SupersetScreenshots.take(config, SCREENSHOTS);
    assertEquals(List.of("delivery-monitor", "pipeline-health", "sales-detail"),
        renders.stream().map(SupersetScreenshots.DashboardRender::slug).toList());
    for (SupersetScreenshots.DashboardRender d : renders) {
      assertTrue(d.loaded(), d.slug() + " finished loading: " + d.charts());
      assertEquals(chartsOn(d.slug()), d.charts().size(), d.slug() + ": a holder per chart " + d.charts());
      for (SupersetScreenshots.ChartRender c : d.charts()) {
        assertTrue(c.drawn(), d.slug() + ": " + c);
        assertTrue(c.canvas() + c.svg() <= 1 || c.tableRows() > 0, d.slug() + ": one canvas or svg: " + c);
      }
      assertTrue(Files.size(Path.of(d.png())) > 20_000, d.png() + " holds a picture");
    }
  }

  @Test
  @Order(3)
  void moreEventsAndABatchRunChangeTheCharts() throws Exception {
    lakehouse.replayFor(Duration.ofSeconds(6), () -> { });
    runPipeline();
    List<String> changed = new ArrayList<>();
    for (String chart : List.of("sales_by_month", "rank_by_category", "events_per_minute_by_stream",
        "delivery_status")) {
      List<List<String>> answer = ChartAnswers.normalize(chartData(chart));
      assertEquals(ChartAnswers.normalize(lakehouse.query(question(chart))), answer, chart + " after more events");
      if (!answer.equals(firstAnswers.get(chart))) {
        changed.add(chart);
      }
    }
    assertTrue(changed.containsAll(List.of("sales_by_month", "rank_by_category", "events_per_minute_by_stream")),
        "charts whose numbers moved: " + changed);
  }

  /**
   * Equal answers; a wall-clock column the question declares (seconds since a commit, read at query time) is equal
   * within two minutes, since the two answers are read moments apart.
   */
  private static void assertSameAnswer(String chart, List<List<String>> overJdbc, List<List<String>> fromChart) {
    List<List<String>> expected = ChartAnswers.normalize(overJdbc);
    List<List<String>> actual = ChartAnswers.normalize(fromChart);
    Integer wallClock = WALL_CLOCK_COLUMNS.get(chart);
    if (wallClock == null) {
      assertEquals(expected, actual, chart);
      return;
    }
    assertEquals(expected.size(), actual.size(), chart + ": " + actual);
    for (int i = 0; i < expected.size(); i++) {
      List<String> e = new ArrayList<>(expected.get(i));
      List<String> a = new ArrayList<>(actual.get(i));
      String expectedSeconds = e.remove((int) wallClock);
      String actualSeconds = a.remove((int) wallClock);
      assertEquals(e, a, chart);
      // A table with no commit yet has no seconds (normalized to "null") on either side.
      if (expectedSeconds.equals("null") || actualSeconds.equals("null")) {
        assertEquals(expectedSeconds, actualSeconds, chart + ": " + e);
        continue;
      }
      double seconds = Math.abs(Double.parseDouble(expectedSeconds) - Double.parseDouble(actualSeconds));
      assertTrue(seconds <= 120, chart + ": seconds since the commit differ by " + seconds);
    }
  }

  /**
   * The chart's data as Superset's chart-data API answers it: the chart's saved query with the datasource this
   * Superset gave its dataset, without the post-processing (a pivot for drawing) and without forcing past the cache.
   */
  private static List<List<String>> chartData(String chart) throws Exception {
    Map<String, Object> yaml = new Yaml().load(Files.readString(chartFile(chart)));
    String name = URLEncoder.encode("'" + yaml.get("slice_name") + "'", StandardCharsets.UTF_8);
    JsonNode listed = api.get("/api/v1/chart/?q=(columns:!(id,slice_name,datasource_id),filters:!((col:slice_name,"
        + "opr:eq,value:" + name + ")))").get("result");
    assertEquals(1, listed.size(), chart + ": " + listed);
    long datasourceId = listed.get(0).get("datasource_id").asLong();
    ObjectNode context = (ObjectNode) JSON.readTree((String) yaml.get("query_context"));
    context.putObject("datasource").put("id", datasourceId).put("type", "table");
    ((ObjectNode) context.get("form_data")).put("datasource", datasourceId + "__table");
    context.put("force", false);
    for (JsonNode q : context.get("queries")) {
      ((ObjectNode) q).remove("post_processing");
    }
    JsonNode result = api.post("/api/v1/chart/data", context).get("result").get(0);
    ArrayNode columns = (ArrayNode) result.get("colnames");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode record : result.get("data")) {
      List<String> row = new ArrayList<>();
      columns.forEach(c -> row.add(record.get(c.asText()).isNull() ? null : record.get(c.asText()).asText()));
      rows.add(row);
    }
    return rows;
  }

  private static String question(String chart) {
    return QUESTIONS.get(chart);
  }

  private static Path chartFile(String chart) {
    return lakehouse.config.getPath("superset.assets.dir").resolve("charts/" + chart + ".yaml");
  }

  private static List<String> charts() throws Exception {
    try (Stream<Path> files = Files.list(lakehouse.config.getPath("superset.assets.dir").resolve("charts"))) {
      List<String> charts = files.map(p -> p.getFileName().toString().replace(".yaml", "")).sorted().toList();
      assertEquals(QUESTIONS.keySet().stream().sorted().toList(), charts, "a question per chart");
      return charts;
    }
  }

  private static long chartsOn(String slug) throws Exception {
    Path yaml = lakehouse.config.getPath("superset.assets.dir").resolve("dashboards/" + slug.replace('-', '_')
        + ".yaml");
    return Files.readAllLines(yaml).stream().filter(l -> l.strip().equals("type: CHART")).count();
  }
}
