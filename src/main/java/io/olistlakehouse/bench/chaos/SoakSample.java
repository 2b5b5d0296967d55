package io.olistlakehouse.bench.chaos;

import io.olistlakehouse.platform.process.ProcessStatus;
import io.olistlakehouse.platform.process.ProcessSupervisor;
import io.olistlakehouse.platform.process.RestartingProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * One minute of a soak: the resident memory of every process, the data and metadata files of every table, and per
 * streaming job its consumer lag and freshness, read from the job's own metrics endpoint as Prometheus would.
 *
 * @param platformRssMb resident memory per platform process, in MB
 * @param jobRssMb resident memory per job (its bin/lakehouse and the JVM below it), in MB; 0 between two runs
 * @param dataFiles live data files per table
 * @param metadataFiles metadata files per table that a reader may open: table metadata versions kept and the
 *     current snapshot's manifests (manifest lists are one per snapshot, counted in {@code snapshots})
 * @param snapshots snapshots per table
 * @param lagRecords per streaming job, records behind the log end; absent when its endpoint did not answer
 * @param freshnessSeconds per streaming job, seconds since it last caught up with the log end
 */
record SoakSample(Map<String, Long> platformRssMb, Map<String, Long> jobRssMb, Map<String, Long> dataFiles,
    Map<String, Long> metadataFiles, Map<String, Long> snapshots, Map<String, Long> lagRecords,
    Map<String, Double> freshnessSeconds) {

  private static final String LAG = "lakehouse_stream_consumer_lag_records";
  private static final String CAUGHT_UP = "lakehouse_stream_caught_up_timestamp_seconds";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /** Where the streaming jobs serve their metrics: job name to http://host:port/metrics. */
  record Endpoints(Map<String, String> metricsUrls) {}

  static SoakSample take(List<ProcessStatus> platform, Map<String, RestartingProcess> jobs, Catalog catalog,
      List<String> namespaces, Endpoints endpoints) {
    Map<String, Long> platformRss = new LinkedHashMap<>();
    platform.forEach(p -> platformRss.put(p.name(), p.rssKb() < 0 ? 0 : p.rssKb() / 1024));
    Map<String, Long> jobRss = new LinkedHashMap<>();
    jobs.forEach((name, job) -> jobRss.put(name, job.handle().map(SoakSample::treeRssKb).orElse(0L) / 1024));
    Map<String, Long> data = new LinkedHashMap<>();
    Map<String, Long> metadata = new LinkedHashMap<>();
    Map<String, Long> snapshots = new LinkedHashMap<>();
    for (String namespace : namespaces) {
      for (TableIdentifier id : catalog.listTables(Namespace.of(namespace))) {
        Table table = catalog.loadTable(id);
        String name = namespace.substring(namespace.lastIndexOf('_') + 1) + "." + id.name();
        Snapshot current = table.currentSnapshot();
        data.put(name, current == null ? 0 : Long.parseLong(current.summary().getOrDefault("total-data-files", "0")));
        long versions = ((HasTableOperations) table).operations().current().previousFiles().size() + 1L;
        metadata.put(name, versions + (current == null ? 0 : current.allManifests(table.io()).size()));
        long count = 0;
        for (Snapshot ignored : table.snapshots()) {
          count++;
        }
        snapshots.put(name, count);
      }
    }
    Map<String, Long> lag = new LinkedHashMap<>();
    Map<String, Double> freshness = new LinkedHashMap<>();
    double now = System.currentTimeMillis() / 1000.0;
    endpoints.metricsUrls().forEach((job, url) -> scrape(url).ifPresent(metrics -> {
      lag.put(job, (long) sum(metrics, LAG));
      double caughtUp = sum(metrics, CAUGHT_UP);
      if (caughtUp > 0) {
        freshness.put(job, now - caughtUp);
      }
    }));
    return new SoakSample(platformRss, jobRss, data, metadata, snapshots, lag, freshness);
  }

  static long total(Map<String, Long> values) {
    return values.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A job is bin/lakehouse with its JVM below it: the whole tree counts. */
  private static long treeRssKb(ProcessHandle root) {
    long kb = Math.max(0, ProcessSupervisor.rssKb(root.pid()));
    return kb + root.descendants().mapToLong(p -> Math.max(0, ProcessSupervisor.rssKb(p.pid()))).sum();
  }

  private static Optional<List<String>> scrape(String url) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body().lines().toList()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // a job restarting: no figure this minute
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The sum of a metric's samples over its labels, from the Prometheus text format. */
  static double sum(List<String> metrics, String name) {
    double total = 0;
    for (String line : metrics) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        String[] parts = line.trim().split("\\s+");
        total += Double.parseDouble(parts[parts.length - 1]);
      }
    }
    return total;
  }
}
