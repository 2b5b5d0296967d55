package io.olistlakehouse.serde;

import java.util.Map;

/** Kafka-style configuration of the serde classes, as Confluent's serde classes take it. */
final class SerdeConfigs {

  static final String URL_CONFIG = SchemaRegistryClient.URL_CONFIG;

  private SerdeConfigs() {
  }

  static SchemaRegistryClient client(Map<String, ?> configs) {
    Object url = configs.get(URL_CONFIG);
    if (url == null || url.toString().isBlank()) {
      throw new IllegalArgumentException("missing serde configuration '" + URL_CONFIG + "' (the registry.url "
          + "of the lakehouse configuration)");
    }
    // Confluent accepts a comma-separated list; this client talks to the first registry.
    return new SchemaRegistryClient(url.toString().split(",")[0].trim());
  }

  /** TopicNameStrategy. */
  static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
