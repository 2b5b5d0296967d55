package io.olistlakehouse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.Platform;
import io.olistlakehouse.platform.airflow.AirflowServer;
import io.olistlakehouse.platform.process.ProcessSpec;
import io.olistlakehouse.platform.process.ProcessStatus;
import io.olistlakehouse.platform.superset.SupersetSecrets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show each platform process (state, pid, port, RSS). Exit code 0 only when all are healthy.")
final class StatusCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print endpoints and processes as JSON, for scripts.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Platform platform = new Platform(LakehouseConfig.load());
    if (json) {
      System.out.println(toJson(platform));
    } else {
      printTable(platform);
    }
    return platform.healthy() ? 0 : 3;
  }

  static void printTable(Platform platform) {
    System.out.printf("%-21s %-10s %8s %6s %9s%n", "PROCESS", "STATE", "PID", "PORT", "RSS(MB)");
    for (ProcessStatus s : platform.status()) {
      System.out.printf("%-21s %-10s %8s %6s %9s%n", s.name(), s.state().name().toLowerCase(Locale.ROOT),
          s.pid() < 0 ? "-" : Long.toString(s.pid()), s.port() == ProcessSpec.NO_PORT ? "-" : s.port(),
          s.rssKb() < 0 ? "-" : Long.toString(s.rssKb() / 1024));
    }
    if (platform.processes().stream().anyMatch(p -> p.name().equals(Platform.THRIFT))) {
      System.out.println();
      System.out.println("JDBC: " + platform.endpoints().get("jdbc_url") + (platform.jdbcAuth().equals("none")
          ? "  (no password: the local default; set LAKEHOUSE_SERVE_THRIFT_PASSWORD to require one)"
          : "  (user and password required)"));
    }
    String superset = platform.endpoints().get("superset_url");
    if (superset != null) {
      System.out.println("Superset: " + superset + "  (" + SupersetSecrets.loginHint(platform.config()) + ")");
    }
    String airflow = platform.endpoints().get("airflow_url");
    if (airflow != null) {
      System.out.println("Airflow: " + airflow + "  (" + AirflowServer.loginHint(platform.config()) + ")");
    }
    String prometheus = platform.endpoints().get("prometheus_url");
    if (prometheus != null) {
      System.out.println("Prometheus: " + prometheus + "  (alerts: " + platform.endpoints().get("alertmanager_url")
          + ")");
    }
  }

  static String toJson(Platform platform) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    List<ProcessStatus> statuses = platform.status();
    root.put("healthy", statuses.stream().allMatch(ProcessStatus::healthy));
    ObjectNode endpoints = root.putObject("endpoints");
    platform.endpoints().forEach(endpoints::put);
    ArrayNode processes = root.putArray("processes");
    for (ProcessStatus s : statuses) {
      ObjectNode p = processes.addObject();
      p.put("name", s.name());
      p.put("state", s.state().name().toLowerCase(Locale.ROOT));
      p.put("pid", s.pid());
      p.put("port", s.port());
      p.put("rss_kb", s.rssKb());
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }
}
