package io.olistlakehouse.bronze;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.streaming.StreamingSettings;

/**
 * The ingest's settings ({@code ingest.*} keys, documented in configs/lakehouse.properties): those every streaming
 * job has, and how bronze writes its files and commits.
 */
public record IngestSettings(
    StreamingSettings stream,
    BronzeTopics topics,
    BronzePartitioning partitioning,
    long targetFileSizeBytes,
    String fileFormat,
    String fileCompression,
    int writeParallelism) {

  public static final String KEY_PREFIX = "ingest.";

  public static IngestSettings from(LakehouseConfig config) {
    StreamingSettings stream = StreamingSettings.from(config, KEY_PREFIX);
    return new IngestSettings(
        stream,
        new BronzeTopics(stream.topicPrefix()),
        BronzePartitioning.from(config),
        config.getPositiveLong("ingest.target.file.size.bytes"),
        config.get("ingest.file.format"),
        config.get("ingest.file.compression"),
        Math.toIntExact(config.getPositiveLong("ingest.write.parallelism")));
  }
}
