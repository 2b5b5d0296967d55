package io.olistlakehouse.bench;

import io.olistlakehouse.bench.connect.ConnectSinkRun;
import io.olistlakehouse.bronze.BronzeTables;
import io.olistlakehouse.bronze.IngestSettings;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.replay.ReplayTopics;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * {@code bench ingest --vs connect}: after our ingest, the same topics are landed again by Iceberg's Kafka Connect
 * sink into tables of the bronze layout (same columns, day partitions, file format and codec) in a namespace of
 * their own, created before its clock starts as ours are. Returns the columns it adds to the results row.
 */
final class ConnectAnchor {

  private ConnectAnchor() {}

  static Map<String, Object> land(LakehouseConfig run, Catalog catalog, IngestSettings connect, ReplayTopics topics,
      BenchRuns.Scratch scratch, long backlog, double ourRate, boolean keep, PrintStream out) {
    BronzeTables tables = new BronzeTables(catalog, connect);
    tables.ensureAll(); // the sink writes the nine stream tables; dead_letter stays empty
    Map<String, TableIdentifier> routes = new LinkedHashMap<>();
    for (BronzeStream stream : BronzeStream.values()) {
      routes.put(topics.topic(stream), tables.identifier(stream));
    }
    out.println("== the same backlog with Iceberg's Kafka Connect sink into " + connect.catalogName() + "."
        + connect.namespace() + ".*");
    ConnectSinkRun.Result theirs = ConnectSinkRun.run(run, "bench-connect-" + scratch.stamp(), routes, backlog, keep,
        out);
    double ratio = ourRate / theirs.eventsPerSecond();
    out.printf(Locale.ROOT, "== connect: %,d records, %.1f s from connector creation (first commit after %.1f s, "
            + "%d commits): %,.0f events/s; %d data files, mean %,.0f bytes%n", theirs.records(), theirs.seconds(),
        theirs.firstCommitSeconds(), theirs.commits(), theirs.eventsPerSecond(), theirs.dataFiles(),
        theirs.meanFileBytes());
    out.printf(Locale.ROOT, "== ours %,.0f events/s, Iceberg Kafka Connect sink %,.0f events/s: ratio %.2f%n", ourRate,
        theirs.eventsPerSecond(), ratio);
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("connect_events", theirs.records());
    columns.put("connect_seconds", String.format(Locale.ROOT, "%.1f", theirs.seconds()));
    columns.put("connect_events_per_s", String.format(Locale.ROOT, "%.0f", theirs.eventsPerSecond()));
    columns.put("connect_first_commit_s", String.format(Locale.ROOT, "%.1f", theirs.firstCommitSeconds()));
    columns.put("connect_commits", theirs.commits());
    columns.put("connect_data_files", theirs.dataFiles());
    columns.put("connect_mean_file_bytes", String.format(Locale.ROOT, "%.0f", theirs.meanFileBytes()));
    columns.put("connect_tasks", run.get("bench.connect.tasks.max"));
    columns.put("connect_commit_interval_ms", run.get("bench.connect.commit.interval.ms"));
    columns.put("ours_vs_connect", String.format(Locale.ROOT, "%.2f", ratio));
    return columns;
  }
}
