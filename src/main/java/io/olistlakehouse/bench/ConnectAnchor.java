package io.olistlakehouse.bench;

import io.olistlakehouse.bench.connect.ConnectSinkRun;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.replay.ReplayTopics;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * {@code bench ingest --vs connect}: after our ingest, the same topics are landed again by Iceberg's Kafka Connect
 * sink into tables of the layout ours landed in (each a copy of our table's schema, partition spec and properties:
 * same columns, partitioning, file format and codec) in a namespace of their own, created before its clock starts
 * as ours are. Returns the columns it adds to the results row.
 */
final class ConnectAnchor {

  private ConnectAnchor() {}

  static Map<String, Object> land(LakehouseConfig run, Catalog catalog, String ours, String theirs,
      ReplayTopics topics, BenchRuns.Scratch scratch, long backlog, double ourRate, boolean keep, PrintStream out) {
    if (catalog instanceof SupportsNamespaces namespaces) {
      namespaces.createNamespace(Namespace.of(theirs));
    }
    Map<String, TableIdentifier> routes = new LinkedHashMap<>();
    for (BronzeStream stream : BronzeStream.values()) {
      Table landed = catalog.loadTable(TableIdentifier.of(ours, stream.streamName()));
      TableIdentifier copy = TableIdentifier.of(theirs, stream.streamName());
      catalog.createTable(copy, landed.schema(), landed.spec(), landed.properties());
      routes.put(topics.topic(stream), copy);
    }
    out.println("== the same backlog with Iceberg's Kafka Connect sink into " + run.get("catalog.name") + "."
        + theirs + ".*");
    ConnectSinkRun.Result sink = ConnectSinkRun.run(run, "bench-connect-" + scratch.stamp(), routes, backlog, keep,
        out);
    double ratio = ourRate / sink.eventsPerSecond();
    out.printf(Locale.ROOT, "== connect: %,d records, %.1f s from connector creation (first commit after %.1f s, "
            + "%d commits): %,.0f events/s; %d data files, mean %,.0f bytes%n", sink.records(), sink.seconds(),
        sink.firstCommitSeconds(), sink.commits(), sink.eventsPerSecond(), sink.dataFiles(),
        sink.meanFileBytes());
    out.printf(Locale.ROOT, "== ours %,.0f events/s, Iceberg Kafka Connect sink %,.0f events/s: ratio %.2f%n", ourRate,
        sink.eventsPerSecond(), ratio);
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("connect_events", sink.records());
    columns.put("connect_seconds", String.format(Locale.ROOT, "%.1f", sink.seconds()));
    columns.put("connect_events_per_s", String.format(Locale.ROOT, "%.0f", sink.eventsPerSecond()));
    columns.put("connect_first_commit_s", String.format(Locale.ROOT, "%.1f", sink.firstCommitSeconds()));
    columns.put("connect_commits", sink.commits());
    columns.put("connect_data_files", sink.dataFiles());
    columns.put("connect_mean_file_bytes", String.format(Locale.ROOT, "%.0f", sink.meanFileBytes()));
    columns.put("connect_tasks", run.get("bench.connect.tasks.max"));
    columns.put("connect_commit_interval_ms", run.get("bench.connect.commit.interval.ms"));
    columns.put("ours_vs_connect", String.format(Locale.ROOT, "%.2f", ratio));
    return columns;
  }
}
