package io.olistlakehouse.bronze;

import org.apache.spark.sql.streaming.StreamingQuery;

/** What a caller of {@link IngestRunner} hears: the query started, then one report per landed batch. */
public interface IngestListener {

  default void started(StreamingQuery query, IngestSettings settings) {}

  default void landed(IngestMicroBatchReport batch) {}

  /** Prints both to standard output, as the CLI and spark-submit do. */
  static IngestListener printing() {
    return new IngestListener() {
      @Override
      public void started(StreamingQuery query, IngestSettings settings) {
        System.out.printf("ingest started: query %s, topics %s, tables %s.%s.*, checkpoint %s%n", query.id(),
            settings.topics().all(), settings.catalogName(), settings.namespace(), settings.checkpointDir());
      }

      @Override
      public void landed(IngestMicroBatchReport batch) {
        System.out.println(batch);
      }
    };
  }

  static IngestListener silent() {
    return new IngestListener() {};
  }
}
