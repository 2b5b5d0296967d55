package io.olistlakehouse.streaming;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;

/**
 * Which micro-batch of which streaming query a snapshot holds, written into the snapshot summary of every commit
 * the ingest makes. The query id survives restarts (it lives in the checkpoint), so a replayed batch carries the same
 * marker as its first attempt.
 */
public record MicroBatchMarker(String queryId, long batchId) {

  public static final String QUERY_ID = "lakehouse.ingest.query-id";
  public static final String BATCH_ID = "lakehouse.ingest.batch-id";
  /** Set by Structured Streaming on the thread that runs a query's batches: the query's persistent id. */
  static final String QUERY_ID_PROPERTY = "sql.streaming.queryId";
  /** Spark write options with this prefix become snapshot summary properties (an Iceberg write option). */
  public static final String SNAPSHOT_PROPERTY_OPTION = "snapshot-property.";

  public MicroBatchMarker {
    if (queryId == null || queryId.isBlank()) {
      throw new IllegalArgumentException("a batch marker needs the streaming query id");
    }
  }

  /** The marker of a foreachBatch call: the running query's id (from the batch's thread) and the batch id. */
  public static MicroBatchMarker ofBatch(Dataset<?> batch, long batchId) {
    return new MicroBatchMarker(batch.sparkSession().sparkContext().getLocalProperty(QUERY_ID_PROPERTY), batchId);
  }

  /** The summary properties of a commit of this batch. */
  public Map<String, String> summary() {
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put(QUERY_ID, queryId);
    summary.put(BATCH_ID, Long.toString(batchId));
    return summary;
  }

  /** The same, as options of a Spark write to an Iceberg table (how any Spark writer marks its commit). */
  public Map<String, String> writeOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    summary().forEach((k, v) -> options.put(SNAPSHOT_PROPERTY_OPTION + k, v));
    return options;
  }

  /** The marker of a snapshot summary; empty for commits made by anything else (maintenance, other jobs). */
  public static Optional<MicroBatchMarker> of(Map<String, String> summary) {
    if (summary == null || !summary.containsKey(QUERY_ID) || !summary.containsKey(BATCH_ID)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new MicroBatchMarker(summary.get(QUERY_ID), Long.parseLong(summary.get(BATCH_ID))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
