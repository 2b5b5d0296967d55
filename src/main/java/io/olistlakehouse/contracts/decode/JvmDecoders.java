package io.olistlakehouse.contracts.decode;

import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.serde.SchemaRegistryClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decoders for Spark tasks: one registry client per registry URL per JVM (its schema cache is shared by all tasks,
 * so each writer schema is fetched once per executor), and one decoder per task thread on top of it.
 */
public final class JvmDecoders {

  private static final Map<String, SchemaRegistryClient> CLIENTS = new ConcurrentHashMap<>();
  private static final ThreadLocal<Map<String, RecordDecoder>> DECODERS =
      ThreadLocal.withInitial(java.util.HashMap::new);

  private JvmDecoders() {}

  public static RecordDecoder forThread(String registryUrl, BronzeTopics topics) {
    SchemaRegistryClient client = CLIENTS.computeIfAbsent(registryUrl, SchemaRegistryClient::new);
    return DECODERS.get().computeIfAbsent(registryUrl + "\n" + topics.prefix(),
        k -> new RecordDecoder(client, topics));
  }
}
