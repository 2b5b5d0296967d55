package io.olistlakehouse.bench;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** What every benchmark run does around its measurement: name its scratch, note the load, clean up after. */
public final class BenchRuns {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
      .withZone(ZoneOffset.UTC);

  private BenchRuns() {}

  /** A run's stamp, used in its scratch topic, table and log names. */
  public static String stamp(Instant started) {
    return STAMP.format(started);
  }

  /** The scratch of one benchmark run, named after its kind and stamp so runs never share topics or tables. */
  public record Scratch(String kind, String stamp) {

    public String topicPrefix() {
      return "bench-" + kind + "-" + stamp + "-";
    }

    public String namespace() {
      return "bench_" + kind + "_" + stamp.replace('-', '_');
    }

    public String checkpointDir(LakehouseConfig config) {
      return config.getPath("bench.dir").resolve("checkpoints/" + kind + "-" + stamp).toString();
    }
  }

  /** The machine's 1-minute load when a run starts: on a shared machine every rate moves with it. */
  public static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  public static String formatLoad(double load) {
    return load < 0 ? "-" : String.format(Locale.ROOT, "%.1f", load);
  }

  /** Benchmark topics are scratch data; failing to delete them is reported, not fatal. */
  public static void deleteTopics(LakehouseConfig config, List<String> topics, PrintStream out) {
    Duration timeout = Duration.ofSeconds(config.getLong("replay.kafka.timeout.seconds"));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.get("kafka.bootstrap.servers")))) {
      List<String> existing = new ArrayList<>(topics);
      existing.retainAll(admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      admin.deleteTopics(existing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      out.println("note: could not delete every benchmark topic (" + e.getMessage() + "); delete " + topics
          + " by hand if they matter");
    }
  }

  /**
   * Drops a benchmark's scratch namespace, its tables with their files first; a failure is reported, not fatal.
   * Iceberg's own purge deletes what the current metadata references (Spark's DROP TABLE ... PURGE also reads every
   * earlier metadata file, which the tables' metadata cleanup has deleted, and logs each as an error).
   */
  public static void dropNamespace(Catalog catalog, String namespace, PrintStream out) {
    try {
      for (TableIdentifier table : catalog.listTables(Namespace.of(namespace))) {
        catalog.dropTable(table, true);
      }
      if (catalog instanceof SupportsNamespaces namespaces) {
        namespaces.dropNamespace(Namespace.of(namespace));
      }
    } catch (RuntimeException e) {
      out.println("note: could not drop namespace " + namespace + " (" + e.getMessage() + ")");
    }
  }

  /** A benchmark's own scratch directory (its checkpoint), never anything the pipeline uses. */
  public static void deleteDirectory(Path dir, PrintStream out) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      out.println("note: could not delete " + dir + " (" + e.getMessage() + ")");
    }
  }
}
