package io.olistlakehouse.spark;

import io.olistlakehouse.config.LakehouseConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The Kafka source of the project's streaming jobs (bronze ingest, speed layer), read the same way by both. */
public final class KafkaSource {

  private KafkaSource() {}

  /** A job's consumer settings: every {@code <prefix><x>} key becomes the source option {@code kafka.<x>}. */
  public static Map<String, String> options(LakehouseConfig config, String prefix) {
    Map<String, String> kafka = new LinkedHashMap<>();
    config.withPrefix(prefix).forEach((k, v) -> kafka.put("kafka." + k, v));
    return Map.copyOf(kafka);
  }

  /** A stream over {@code topics} from their earliest offsets, at most {@code maxOffsetsPerTrigger} per batch. */
  public static Dataset<Row> read(SparkSession spark, String bootstrapServers, List<String> topics,
      long maxOffsetsPerTrigger, Map<String, String> options) {
    return spark.readStream()
        .format("kafka")
        .option("kafka.bootstrap.servers", bootstrapServers)
        .option("subscribe", String.join(",", topics))
        .option("startingOffsets", "earliest")
        .option("maxOffsetsPerTrigger", maxOffsetsPerTrigger)
        // Offsets that vanished (retention, a recreated topic) would be silent loss: stop and say so instead.
        .option("failOnDataLoss", "true")
        .options(options)
        .load();
  }
}
