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

  /** A decoder reading each stream into its contract. */
  public static RecordDecoder forThread(String registryUrl, BronzeTopics topics) {
    return forThread(registryUrl, topics, ReaderSchemas.contracts());
  }

  public static RecordDecoder forThread(String registryUrl, BronzeTopics topics, ReaderSchemas readers) {
    return DECODERS.get().computeIfAbsent(registryUrl + "\n" + topics.prefix() + "\n" + readers.key(),
        k -> new RecordDecoder(client(registryUrl), topics, readers));
  }

  /** The JVM's client of a registry, shared with the decoders (and their cache of writer schemas). */
  public static SchemaRegistryClient client(String registryUrl) {
    return CLIENTS.computeIfAbsent(registryUrl, SchemaRegistryClient::new);
  }
}
