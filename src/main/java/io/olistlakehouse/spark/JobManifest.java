package io.olistlakehouse.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spark job described once, in {@code <jobs.dir>/<name>.json}: main class (for spark-submit), application name,
 * arguments per mode, the Spark settings the job always needs, and the configuration prefix of its tuning keys
 * ({@code <prefix>spark.*} overrides {@code spark.*} for this job only). Read by the CLI, spark-submit wrappers and
 * Airflow, so they all run the same job. A batch-layer job's manifest also names the job ({@code job}, empty
 * otherwise) and the jobs it reads ({@code depends_on}), from which Airflow's graph is drawn.
 */
public record JobManifest(String name, String description, String mainClass, String appName, String configPrefix,
    Map<String, List<String>> modes, Map<String, String> sparkConf, String job, List<String> dependsOn) {

  public static JobManifest load(LakehouseConfig config, String name) {
    Path file = config.getPath("jobs.dir").resolve(name + ".json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("job manifest not found: " + file);
    }
    try {
      return parse(name, new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read job manifest " + file, e);
    }
  }

  /** Every manifest of {@code jobs.dir}, by name. */
  public static List<JobManifest> all(LakehouseConfig config) {
    Path dir = config.getPath("jobs.dir");
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")).sorted()
          .map(f -> load(config, f.substring(0, f.length() - ".json".length()))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list job manifests in " + dir, e);
    }
  }

  static JobManifest parse(String name, JsonNode json) {
    Map<String, List<String>> modes = new LinkedHashMap<>();
    json.path("modes").fields().forEachRemaining(m -> {
      List<String> args = new ArrayList<>();
      m.getValue().forEach(a -> args.add(a.asText()));
      modes.put(m.getKey(), List.copyOf(args));
    });
    Map<String, String> conf = new LinkedHashMap<>();
    json.path("spark_conf").fields().forEachRemaining(c -> conf.put(c.getKey(), c.getValue().asText()));
    List<String> dependsOn = new ArrayList<>();
    json.path("depends_on").forEach(d -> dependsOn.add(d.asText()));
    return new JobManifest(name, json.path("description").asText(""), required(json, "main_class", name),
        required(json, "app_name", name), json.path("config_prefix").asText(""), modes, conf,
        json.path("job").asText(""), List.copyOf(dependsOn));
  }

  private static String required(JsonNode json, String field, String name) {
    String value = json.path(field).asText("");
    if (value.isBlank()) {
      throw new IllegalArgumentException("job manifest " + name + " lacks '" + field + "'");
    }
    return value;
  }

  /** The arguments of a mode ("once", "continuous", ...), as spark-submit passes them to the main class. */
  public List<String> args(String mode) {
    List<String> args = modes.get(mode);
    if (args == null) {
      throw new IllegalArgumentException("job " + name + " has no mode '" + mode + "'; modes: " + modes.keySet());
    }
    return args;
  }
}
