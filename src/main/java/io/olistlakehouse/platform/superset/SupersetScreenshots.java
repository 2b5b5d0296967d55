package io.olistlakehouse.platform.superset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The dashboards as a person sees them: {@code superset.screenshot.script} logs in to the running Superset with
 * headless Chromium, opens every dashboard of the asset tree, saves a PNG of each and reports what each chart drew.
 */
public final class SupersetScreenshots {

  /** What one chart showed: an error box, an empty result, or what it drew (canvas, svg, table rows). */
  public record ChartRender(String title, int loading, boolean error, String errorText, boolean noResults,
      int canvas, int svg, int tableRows) {

    /** Drew its data: no error, no "no results", and a canvas, an svg or a table with rows. */
    public boolean drawn() {
      return loading == 0 && !error && !noResults && (canvas + svg > 0 || tableRows > 0);
    }
  }

  public record DashboardRender(String slug, boolean loaded, String png, List<ChartRender> charts) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private SupersetScreenshots() {}

  /** The slugs of the dashboards in the asset tree, in file-name order. */
  public static List<String> slugs(LakehouseConfig config) {
    Path dir = config.getPath("superset.assets.dir").resolve("dashboards");
    try (Stream<Path> files = Files.list(dir)) {
      List<String> slugs = new ArrayList<>();
      for (Path yaml : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        Files.readAllLines(yaml).stream().filter(l -> l.startsWith("slug: ")).findFirst()
            .ifPresent(l -> slugs.add(l.substring("slug: ".length()).strip()));
      }
      return slugs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the dashboards in " + dir, e);
    }
  }

  /**
   * Renders every dashboard into {@code outDir} ({@code <slug>.png}, with {@code report.json} and the browser's
   * log beside them). Installs the browser first when it is missing.
   */
  public static List<DashboardRender> take(LakehouseConfig config, Path outDir) {
    Path report = outDir.resolve("report.json");
    Path log = outDir.resolve("render.log");
    try {
      Files.createDirectories(outDir);
      if (!Files.isExecutable(config.getPath("superset.screenshot.chromium"))) {
        int exit = exitCode(new ProcessBuilder(config.home().resolve("bin/setup-browser").toString())
            .redirectErrorStream(true).redirectOutput(log.toFile()), "installing the headless browser");
        if (exit != 0) {
          throw new IllegalStateException("installing the headless browser failed (exit " + exit + "); see " + log);
        }
      }
      List<String> cmd = new ArrayList<>(List.of(config.getPath("superset.venv").resolve("bin/python").toString(),
          config.getPath("superset.screenshot.script").toString(), SupersetServer.url(config), outDir.toString()));
      cmd.addAll(slugs(config));
      SupersetSecrets secrets = SupersetSecrets.current(config);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(report.toFile())
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().putAll(Map.of("SUPERSET_USER", secrets.adminUser(), "SUPERSET_PASSWORD",
          secrets.adminPassword(), "CHROMIUM_BINARY", config.get("superset.screenshot.chromium"), "CHROMEDRIVER",
          config.get("superset.screenshot.chromedriver"), "SUPERSET_RENDER_TIMEOUT",
          config.get("superset.screenshot.timeout.seconds")));
      int exit = exitCode(pb, "rendering the dashboards");
      // Exit 1 with a report: a dashboard did not finish loading, which the report shows. No report: it failed.
      if (Files.size(report) == 0) {
        List<String> lines = Files.readAllLines(log);
        throw new IllegalStateException("rendering the dashboards failed (exit " + exit + "); last lines of " + log
            + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
      }
      return List.of(JSON.readValue(report.toFile(), DashboardRender[].class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the dashboards into " + outDir + " (see " + log + ")", e);
    }
  }

  private static int exitCode(ProcessBuilder pb, String what) throws IOException {
    try {
      return pb.start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    }
  }
}
