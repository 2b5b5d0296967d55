package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.superset.SupersetAssets;
import io.olistlakehouse.platform.superset.SupersetScreenshots;
import io.olistlakehouse.platform.superset.SupersetServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dashboards", mixinStandardHelpOptions = true,
    description = "Superset's dashboards as code (superset/assets), with Superset running (up --with superset).",
    subcommands = {DashboardsCommand.Import.class, DashboardsCommand.Export.class,
        DashboardsCommand.Screenshot.class})
final class DashboardsCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  private static LakehouseConfig runningSuperset() {
    LakehouseConfig config = LakehouseConfig.load();
    if (!SupersetServer.healthy(config)) {
      throw new IllegalStateException("Superset does not answer at " + SupersetServer.url(config)
          + "; start it with: bin/lakehouse up --with superset");
    }
    return config;
  }

  /** Runs one direction against the running Superset and says how many files it moved, between where and where. */
  private static int transfer(String verb, Function<LakehouseConfig, List<String>> action) {
    LakehouseConfig config = runningSuperset();
    List<String> files = action.apply(config);
    System.out.println(verb + " " + files.size() + " files between " + config.getPath("superset.assets.dir")
        + " and " + SupersetServer.url(config));
    return 0;
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import superset/assets into Superset (idempotent: objects are matched by UUID); the database "
          + "URI comes from the serve.thrift.* settings. Exits non-zero on any error.")
  static final class Import implements Callable<Integer> {
    @Override
    public Integer call() {
      return transfer("imported", SupersetAssets::importAll);
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write Superset's live dashboards, charts, datasets and database back into superset/assets, so "
          + "a dashboard edited in the UI can be committed.")
  static final class Export implements Callable<Integer> {
    @Override
    public Integer call() {
      return transfer("exported", SupersetAssets::exportAll);
    }
  }

  @Command(name = "screenshot", mixinStandardHelpOptions = true,
      description = "Open every dashboard in headless Chromium (installed by bin/setup-browser when missing), save a "
          + "PNG of each and say how each chart rendered. Exits non-zero when a chart shows an error or no data.")
  static final class Screenshot implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Where the PNGs go (default: superset.screenshot.dir).")
    Path out;

    @Override
    public Integer call() {
      LakehouseConfig config = runningSuperset();
      Path dir = out != null ? out.toAbsolutePath() : config.getPath("superset.screenshot.dir");
      boolean allDrawn = true;
      for (SupersetScreenshots.DashboardRender d : SupersetScreenshots.take(config, dir)) {
        System.out.printf("%s: %s%n", d.slug(), d.loaded() ? d.png() : "did not finish loading");
        for (SupersetScreenshots.ChartRender c : d.charts()) {
          allDrawn &= c.drawn();
          System.out.printf("  %-50s %s%n", c.title(), c.drawn() ? "drawn" : c.error() ? "ERROR"
              : c.noResults() ? "NO RESULTS" : c.loading() > 0 ? "STILL LOADING" : "NOTHING DRAWN");
        }
        allDrawn &= d.loaded();
      }
      return allDrawn ? 0 : 1;
    }
  }
}
