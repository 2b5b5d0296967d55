package io.olistlakehouse.bronze;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.testing.TestPlatform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An ingest of its own for one test: topics under a fresh prefix, tables in a fresh namespace, its own checkpoint,
 * injected as configuration overrides, in-process or as LAKEHOUSE_* variables for a child bin/lakehouse.
 */
public record IsolatedIngest(String name, Map<String, String> overrides, LakehouseConfig config) {

  public static IsolatedIngest create(TestPlatform fixture, String purpose) {
    String name = purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("ingest.topic.prefix", name + ".");
    overrides.put("ingest.namespace", "it_" + name);
    overrides.put("ingest.checkpoint.dir", fixture.config().getPath("work.dir").resolve("checkpoints/" + name)
        .toString());
    return new IsolatedIngest(name, Map.copyOf(overrides), fixture.config().withOverrides(overrides));
  }

  public IngestSettings settings() {
    return IngestSettings.from(config);
  }

  public BronzeTopics topics() {
    return settings().topics();
  }

  /** The same overrides (plus {@code more}) as environment variables of a child process. */
  public Map<String, String> env(Map<String, String> more) {
    Map<String, String> env = new LinkedHashMap<>();
    overrides.forEach((k, v) -> env.put(LakehouseConfig.envName(k), v));
    more.forEach((k, v) -> env.put(LakehouseConfig.envName(k), v));
    return env;
  }

  /** The Spark name of a bronze table of this ingest. */
  public String table(String name) {
    return config.get("catalog.name") + "." + settings().stream().namespace() + "." + name;
  }
}
