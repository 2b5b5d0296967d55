package io.olistlakehouse.bench.connect;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.platform.kafka.KafkaTopics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.GroupNotEmptyException;

/**
 * The anchor of {@code bench ingest}: the same backlog landed by Apache Iceberg's Kafka Connect sink on a Connect
 * worker of its own. The clock starts when the connector is created on the already running worker (worker start-up
 * excluded, as Spark's start-up is excluded from our figure) and stops at the commit that brings the tables'
 * committed record count ({@code total-records} of their current snapshots, polled through our catalog) to the
 * backlog: the end is that snapshot's commit time, so the polling interval does not enter the figure. The tables
 * must exist and be empty; they stay for the caller to drop. The worker, its control topic and consumer groups are
 * removed afterwards unless kept.
 */
public final class ConnectSinkRun {

  /**
   * @param records records committed to the tables
   * @param seconds from creating the connector to the last commit
   * @param firstCommitSeconds from creating the connector to its first commit (tasks started, coordinator elected)
   * @param commits the sink's commits (distinct commit ids over the tables' snapshots)
   */
  public record Result(long records, double seconds, double firstCommitSeconds, long commits, long dataFiles,
      long dataBytes) {

    public double eventsPerSecond() {
      return records / seconds;
    }

    public double meanFileBytes() {
      return dataFiles == 0 ? 0 : (double) dataBytes / dataFiles;
    }
  }

  private static final String COMMIT_ID = "kafka.connect.commit-id";

  private ConnectSinkRun() {}

  /**
   * Lands {@code routes}' topics (topic to table, tables created and empty) with the Iceberg sink under the
   * connector name {@code name}, and waits until {@code expectedRecords} are committed.
   */
  public static Result run(LakehouseConfig config, String name, Map<String, TableIdentifier> routes,
      long expectedRecords, boolean keep, PrintStream out) {
    SinkConnectorConfig.Names names = new SinkConnectorConfig.Names(name);
    Path dir = config.getPath("bench.dir").resolve("connect").resolve(name);
    Catalog catalog = IcebergCatalogs.open(config);
    try {
      requireEmpty(catalog, routes);
      createControlTopic(config, names.controlTopic());
      try (ConnectWorker worker = ConnectWorker.start(config, dir, out)) {
        Map<String, String> connector = SinkConnectorConfig.of(config, names, routes);
        out.printf(Locale.ROOT, "== Iceberg Kafka Connect sink: %d topics -> %d tables, tasks.max %s, commit "
                + "interval %s ms%n", routes.size(), routes.size(), connector.get("tasks.max"),
            connector.get("iceberg.control.commit.interval-ms"));
        long started = System.currentTimeMillis();
        worker.createConnector(name, connector);
        try {
          awaitRecords(config, catalog, worker, name, routes, expectedRecords, started, out);
          return result(catalog, routes, started);
        } finally {
          worker.deleteConnector(name);
        }
      }
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
      if (keep) {
        out.println("kept: control topic " + names.controlTopic() + ", consumer groups " + names.connectGroup()
            + "*, worker files " + dir);
      } else {
        cleanUp(config, names, dir, out);
      }
    }
  }

  private static void requireEmpty(Catalog catalog, Map<String, TableIdentifier> routes) {
    for (TableIdentifier id : routes.values()) {
      if (committedRecords(catalog.loadTable(id)) != 0) {
        throw new IllegalStateException(id + " is not empty: the sink's count would include earlier rows");
      }
    }
  }

  private static void createControlTopic(LakehouseConfig config, String topic) {
    Duration timeout = Duration.ofSeconds(config.getLong("replay.kafka.timeout.seconds"));
    try (Admin admin = admin(config)) {
      // One partition, as the sink's documentation creates it; replicated like every topic of the cluster.
      KafkaTopics.ensure(admin, new NewTopic(topic, 1, (short) config.getInt("kafka.default.replication.factor")),
          timeout);
    }
  }

  private static void awaitRecords(LakehouseConfig config, Catalog catalog, ConnectWorker worker, String name,
      Map<String, TableIdentifier> routes, long expected, long started, PrintStream out) {
    long timeoutMillis = TimeUnit.SECONDS.toMillis(config.getLong("bench.connect.timeout.seconds"));
    long pollMillis = config.getLong("bench.connect.poll.ms");
    long lastReported = -1;
    while (true) {
      long committed = 0;
      for (TableIdentifier id : routes.values()) {
        committed += committedRecords(catalog.loadTable(id));
      }
      long elapsed = System.currentTimeMillis() - started;
      if (committed != lastReported) {
        out.printf(Locale.ROOT, "  %5.1f s: %,d of %,d records committed%n", elapsed / 1e3, committed, expected);
        lastReported = committed;
      }
      if (committed == expected) {
        return;
      }
      if (committed > expected) {
        throw new IllegalStateException("the sink committed " + committed + " records for a backlog of " + expected
            + ": some landed twice");
      }
      Optional<String> failure = worker.failure(name);
      if (failure.isPresent()) {
        throw new IllegalStateException("the Iceberg sink failed after " + committed + " of " + expected
            + " records: " + failure.get());
      }
      if (elapsed > timeoutMillis) {
        throw new IllegalStateException(String.format(Locale.ROOT, "the Iceberg sink committed %,d of %,d records "
            + "within %d s (bench.connect.timeout.seconds); last worker log lines:%n%s", committed, expected,
            timeoutMillis / 1000, worker.logTail(20)));
      }
      ConnectWorker.sleep(pollMillis);
    }
  }

  private static long committedRecords(Table table) {
    Snapshot current = table.currentSnapshot();
    return current == null ? 0 : Long.parseLong(current.summary().getOrDefault("total-records", "0"));
  }

  private static Result result(Catalog catalog, Map<String, TableIdentifier> routes, long started) {
    long records = 0;
    long files = 0;
    long bytes = 0;
    long firstCommit = Long.MAX_VALUE;
    long lastCommit = Long.MIN_VALUE;
    Set<String> commits = new HashSet<>();
    for (TableIdentifier id : routes.values()) {
      Table table = catalog.loadTable(id);
      Snapshot current = table.currentSnapshot();
      records += Long.parseLong(current.summary().getOrDefault("total-records", "0"));
      files += Long.parseLong(current.summary().getOrDefault("total-data-files", "0"));
      bytes += Long.parseLong(current.summary().getOrDefault("total-files-size", "0"));
      lastCommit = Math.max(lastCommit, current.timestampMillis());
      for (Snapshot s : table.snapshots()) {
        firstCommit = Math.min(firstCommit, s.timestampMillis());
        commits.add(s.summary().getOrDefault(COMMIT_ID, Long.toString(s.snapshotId())));
      }
    }
    return new Result(records, (lastCommit - started) / 1e3, (firstCommit - started) / 1e3, commits.size(), files,
        bytes);
  }

  /** Scratch of the run: control topic, the sink's consumer groups, the worker's files. Failures are reported. */
  private static void cleanUp(LakehouseConfig config, SinkConnectorConfig.Names names, Path dir, PrintStream out) {
    Duration timeout = Duration.ofSeconds(config.getLong("replay.kafka.timeout.seconds"));
    try (Admin admin = admin(config)) {
      admin.deleteTopics(List.of(names.controlTopic())).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<String> groups = new ArrayList<>();
      for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        String id = g.groupId();
        if (id.equals(names.connectGroup()) || id.equals(names.coordinatorGroup())
            || id.startsWith(names.controlGroupPrefix())) {
          groups.add(id);
        }
      }
      deleteGroups(config, admin, groups, timeout);
      out.println("removed control topic " + names.controlTopic() + " and consumer groups " + groups);
    } catch (Exception e) {
      out.println("note: could not remove every Connect scratch topic and group (" + e.getMessage() + "); look for "
          + names.controlTopic() + " and groups " + names.connectGroup() + "*");
    }
    deleteDirectory(dir, out);
  }

  /**
   * The sink's coordinator does not close its control consumer when its task stops, so its group keeps a member
   * until the broker's session timeout expires it; deletion is retried until then.
   */
  private static void deleteGroups(LakehouseConfig config, Admin admin, List<String> groups, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.getLong("bench.connect.group.cleanup.seconds"));
    List<String> left = new ArrayList<>(groups);
    while (!left.isEmpty()) {
      for (String group : List.copyOf(left)) {
        try {
          admin.deleteConsumerGroups(List.of(group)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          left.remove(group);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof GroupNotEmptyException) || System.nanoTime() > deadline) {
            throw e;
          }
        }
      }
      if (!left.isEmpty()) {
        ConnectWorker.sleep(1000);
      }
    }
  }

  private static void deleteDirectory(Path dir, PrintStream out) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (NoSuchFileException gone) {
      // nothing written
    } catch (IOException e) {
      out.println("note: could not delete " + dir + " (" + e.getMessage() + ")");
    }
  }

  private static Admin admin(LakehouseConfig config) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers")));
  }
}
