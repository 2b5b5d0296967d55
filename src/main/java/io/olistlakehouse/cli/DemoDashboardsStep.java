package io.olistlakehouse.cli;

import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.superset.SupersetAssets;
import io.olistlakehouse.platform.superset.SupersetScreenshots;
import io.olistlakehouse.platform.superset.SupersetSecrets;
import io.olistlakehouse.platform.superset.SupersetServer;
import java.util.List;

/** The demo's dashboards step: with Superset in the platform, import the dashboards and say where they are. */
final class DemoDashboardsStep {

  private DemoDashboardsStep() {}

  static String run(Platform platform) {
    System.out.println("== dashboards");
    if (platform.processes().stream().noneMatch(p -> p.name().equals(Platform.SUPERSET))) {
      System.out.println("Superset is not part of this platform. For the dashboards: bin/lakehouse demo --with "
          + "superset (or bin/lakehouse up --with superset, then bin/lakehouse dashboards import)");
      return "Superset not started (demo --with superset)";
    }
    List<String> files = SupersetAssets.importAll(platform.config());
    String url = SupersetServer.url(platform.config());
    List<String> slugs = SupersetScreenshots.slugs(platform.config());
    for (String slug : slugs) {
      System.out.println(url + "/superset/dashboard/" + slug + "/");
    }
    System.out.println("login: " + SupersetSecrets.loginHint(platform.config()));
    System.out.println("bin/lakehouse dashboards screenshot   # a PNG of each, and how each chart rendered");
    return String.format("%d dashboards imported (%d files) at %s", slugs.size(), files.size(), url);
  }
}
