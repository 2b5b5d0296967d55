package io.olistlakehouse.bench.connect;

import io.olistlakehouse.contracts.decode.BronzeColumns;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The Iceberg sink's connector configuration for one run: every topic into its own table of our catalog.
 *
 * <p>The 1.10 sink routes a record to the tables whose {@code route-regex} matches the record's {@code route-field}
 * (without a route field every record goes to every table), so Kafka's own InsertField transform writes the record's
 * Kafka coordinates into the value first, under the names our bronze tables give them; {@code kafka_topic} is then
 * the route field. The tables exist beforehand with the bronze layout (created before the clock starts, as for our
 * ingest), so the sink neither creates nor evolves them.
 */
final class SinkConnectorConfig {

  /** Extra connector settings passed through as they are: bench.connect.sink.<key>=<value>. */
  static final String SINK_PREFIX = "bench.connect.sink.";

  private SinkConnectorConfig() {}

  /** Scratch names of one run, all derived from the connector's name so cleanup finds them. */
  record Names(String connector) {

    String controlTopic() {
      return connector + "-control";
    }

    /** Prefix of the sink's per-task control consumer groups (one random group per task start). */
    String controlGroupPrefix() {
      return connector + "-control-";
    }

    /** The sink tasks' consumer group: Connect's rule, which the sink repeats to find its coordinator. */
    String connectGroup() {
      return "connect-" + connector;
    }

    /** The coordinator's consumer group of the control topic (the sink's rule). */
    String coordinatorGroup() {
      return connectGroup() + "-coord";
    }
  }

  static Map<String, String> of(LakehouseConfig config, Names names, Map<String, TableIdentifier> routes) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("connector.class", "org.apache.iceberg.connect.IcebergSinkConnector");
    c.put("tasks.max", config.get("bench.connect.tasks.max"));
    c.put("topics", String.join(",", routes.keySet()));

    c.put("transforms", "kafka");
    c.put("transforms.kafka.type", "org.apache.kafka.connect.transforms.InsertField$Value");
    c.put("transforms.kafka.topic.field", BronzeColumns.KAFKA_TOPIC);
    c.put("transforms.kafka.partition.field", BronzeColumns.KAFKA_PARTITION);
    c.put("transforms.kafka.offset.field", BronzeColumns.KAFKA_OFFSET);
    c.put("transforms.kafka.timestamp.field", BronzeColumns.KAFKA_TIMESTAMP);

    c.put("iceberg.tables", String.join(",", routes.values().stream().map(TableIdentifier::toString).toList()));
    c.put("iceberg.tables.route-field", BronzeColumns.KAFKA_TOPIC);
    routes.forEach((topic, table) -> c.put("iceberg.table." + table + ".route-regex", Pattern.quote(topic)));
    c.put("iceberg.control.topic", names.controlTopic());
    c.put("iceberg.control.group-id-prefix", names.controlGroupPrefix());
    c.put("iceberg.control.commit.interval-ms", config.get("bench.connect.commit.interval.ms"));

    c.put("iceberg.catalog", config.get("catalog.name"));
    IcebergCatalogs.properties(config).forEach((k, v) -> c.put("iceberg.catalog." + k, v));
    // The sink also finds these in the worker's file by parsing the worker's command line; explicit is safer.
    c.put("iceberg.kafka.bootstrap.servers", config.get("kafka.bootstrap.servers"));
    c.putAll(config.withPrefix(SINK_PREFIX));
    return c;
  }
}
