package io.olistlakehouse.serve;

import io.olistlakehouse.contracts.BronzeStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relations the pipeline-health views read, rendered from what the catalog holds at publication: the bronze
 * stream tables that exist, the dead-letter and late-event tables, and every table of silver, gold and speed. A
 * relation whose tables do not exist yet is an empty one with the same columns, so the dashboards show the layers
 * that have run instead of failing on the ones that have not.
 */
final class PipelineHealthSql {

  private PipelineHealthSql() {}

  static Map<String, String> placeholders(ServeSettings settings, LakehouseTables tables) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> streams = new ArrayList<>();
    for (BronzeStream stream : BronzeStream.values()) {
      String table = settings.bronze() + "." + stream.streamName();
      if (tables.exists(table)) {
        // The commits' summaries, not the rows' kafka_timestamp: that is the replayed event time (2016-2018).
        streams.add("SELECT '" + stream.streamName() + "' AS stream, committed_at, "
            + "CAST(summary['added-records'] AS BIGINT) AS events FROM " + table + ".snapshots "
            + "WHERE operation = 'append'");
      }
    }
    values.put("bronze_stream_events", unionOrEmpty(streams,
        emptyRelation("stream STRING", "committed_at TIMESTAMP", "events BIGINT")));
    String deadLetter = settings.bronze() + ".dead_letter";
    values.put("dead_letters", tables.exists(deadLetter) ? deadLetter
        : "(" + emptyRelation("stream STRING", "reason STRING", "kafka_timestamp TIMESTAMP") + ")");
    String lateEvents = settings.speed() + ".late_events";
    values.put("late_events", tables.exists(lateEvents) ? lateEvents
        : "(" + emptyRelation("stream STRING", "reason STRING", "event_time TIMESTAMP") + ")");
    List<String> layerTables = new ArrayList<>();
    Map<String, String> layers = new LinkedHashMap<>();
    layers.put("silver", settings.silver());
    layers.put("gold", settings.gold());
    layers.put("speed", settings.speed());
    layers.forEach((layer, namespace) -> tables.list(namespace).stream().sorted()
        .forEach(table -> layerTables.add(layerTable(layer, table, namespace + "." + table))));
    values.put("layer_tables", unionOrEmpty(layerTables, emptyRelation("layer STRING", "table_name STRING",
        "row_count BIGINT", "last_commit_at TIMESTAMP", "last_batch_run_at TIMESTAMP", "last_batch_mode STRING")));
    return values;
  }

  /**
   * One table's row: its live row count (a count, not the snapshot's total-records: deletes are merge-on-read), its
   * newest commit, and its newest batch-job commit, which the batch marks with {@code lakehouse.batch.job} and
   * {@code lakehouse.batch.mode} in the snapshot summary.
   */
  private static String layerTable(String layer, String table, String qualified) {
    String batchCommit = "CASE WHEN summary['lakehouse.batch.job'] IS NOT NULL THEN committed_at END";
    return "SELECT '" + layer + "' AS layer, '" + table + "' AS table_name, c.row_count, s.last_commit_at, "
        + "s.last_batch_run_at, s.last_batch_mode FROM (SELECT count(*) AS row_count FROM " + qualified + ") c "
        + "CROSS JOIN (SELECT CAST(max(committed_at) AS TIMESTAMP) AS last_commit_at, "
        + "CAST(max(" + batchCommit + ") AS TIMESTAMP) AS last_batch_run_at, "
        + "max_by(summary['lakehouse.batch.mode'], " + batchCommit + ") AS last_batch_mode FROM " + qualified
        + ".snapshots) s";
  }

  /** A SELECT of no rows with these columns, each given as "name TYPE". */
  static String emptyRelation(String... columns) {
    List<String> casts = new ArrayList<>();
    for (String column : columns) {
      String[] nameAndType = column.split(" ", 2);
      casts.add("CAST(NULL AS " + nameAndType[1] + ") AS " + nameAndType[0]);
    }
    return "SELECT " + String.join(", ", casts) + " WHERE false";
  }

  private static String unionOrEmpty(List<String> selects, String empty) {
    return selects.isEmpty() ? empty : String.join("\nUNION ALL\n", selects);
  }
}
