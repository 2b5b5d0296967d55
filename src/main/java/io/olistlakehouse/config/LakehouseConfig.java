package io.olistlakehouse.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one configuration of the project: a properties file ({@code configs/lakehouse.properties} by default) whose
 * every key can be overridden by an environment variable, {@code LAKEHOUSE_} plus the key upper-cased with dots and
 * dashes as underscores ({@code s3.endpoint} -> {@code LAKEHOUSE_S3_ENDPOINT}). Values may refer to other keys as
 * {@code ${key}}; references are resolved after overrides, so overriding {@code lakehouse.host} moves every endpoint
 * built from it.
 *
 * <p>A profile file names the file it refines with {@code config.extends} and sets only what differs
 * (configs/profiles/secure.properties). Keys listed in {@code config.secret.keys} are secrets: they come from the
 * environment only (the file listing them may not set them; values of the file it extends are dropped), each must
 * be set, and {@link #write} leaves them out of the file it writes (processes started by the platform get them
 * through {@link #secretEnvironment()}).
 */
public final class LakehouseConfig {

  /** Environment variable or system property naming the configuration file. */
  public static final String CONFIG_FILE_ENV = "LAKEHOUSE_CONFIG";
  public static final String CONFIG_FILE_PROPERTY = "lakehouse.config";
  /** Set by bin/lakehouse and the build: the project directory that relative paths are resolved against. */
  public static final String HOME_PROPERTY = "lakehouse.home";
  /** The file a profile refines, relative to the project directory. */
  public static final String EXTENDS_KEY = "config.extends";
  /** The keys whose values come from the environment only. */
  public static final String SECRET_KEYS = "config.secret.keys";
  private static final String ENV_PREFIX = "LAKEHOUSE_";
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

  private final Map<String, String> raw;
  private final Map<String, String> values;
  private final Path home;

  private LakehouseConfig(Map<String, String> raw, Path home) {
    this.raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    this.values = Collections.unmodifiableMap(new TreeMap<>(resolve(raw)));
    this.home = home;
  }

  /** Loads the configuration the way every process of the project does: file, then environment overrides. */
  public static LakehouseConfig load() {
    Path home = Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
    String file = System.getProperty(CONFIG_FILE_PROPERTY, System.getenv(CONFIG_FILE_ENV));
    Path path = file != null ? home.resolve(file) : home.resolve("configs/lakehouse.properties");
    return load(path, System.getenv(), home);
  }

  public static LakehouseConfig load(Path file, Map<String, String> env, Path home) {
    Map<String, String> raw = readLayered(file, home, 0);
    Map<String, String> own = readProperties(file);
    List<String> secrets = secretKeys(raw);
    // A value the extended file gives (the local default's development passwords) is dropped; one set here is a
    // mistake worth stopping for.
    for (String key : secrets) {
      if (!own.getOrDefault(key, "").isEmpty()) {
        throw new IllegalArgumentException("configuration key '" + key + "' is a secret: set " + envName(key)
            + " in the environment, never in a file (" + file + ")");
      }
      raw.put(key, "");
    }
    for (String key : List.copyOf(raw.keySet())) {
      String override = env.get(envName(key));
      if (override != null) {
        raw.put(key, override);
      }
    }
    List<String> unset = secrets.stream().filter(key -> raw.get(key).isEmpty()).map(LakehouseConfig::envName).toList();
    if (!unset.isEmpty()) {
      throw new IllegalArgumentException("the configuration " + file + " takes its secrets from the environment, "
          + "and these are not set: " + String.join(", ", unset));
    }
    return new LakehouseConfig(raw, home);
  }

  /** A file and, under it, the files it extends: the extending file's keys win. */
  private static Map<String, String> readLayered(Path file, Path home, int depth) {
    if (depth > 5) {
      throw new IllegalArgumentException("configuration files extend each other in a cycle at " + file);
    }
    Map<String, String> own = readProperties(file);
    String base = own.remove(EXTENDS_KEY);
    if (base == null || base.isEmpty()) {
      return own;
    }
    Map<String, String> merged = readLayered(home.resolve(base), home, depth + 1);
    merged.putAll(own);
    return merged;
  }

  private static List<String> secretKeys(Map<String, String> raw) {
    String listed = raw.getOrDefault(SECRET_KEYS, "");
    return listed.isEmpty() ? List.of() : List.of(listed.split("\\s*,\\s*"));
  }

  /** The secrets as environment variables ({@code LAKEHOUSE_...}), for the processes the platform starts. */
  public Map<String, String> secretEnvironment() {
    Map<String, String> env = new TreeMap<>();
    secretKeys(raw).forEach(key -> env.put(envName(key), values.get(key)));
    return env;
  }

  /** A copy with some keys replaced before references are resolved again (tests pick free ports this way). */
  public LakehouseConfig withOverrides(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(raw);
    merged.putAll(overrides);
    return new LakehouseConfig(merged, home);
  }

  /** Reads a properties file as written, references unresolved. */
  public static Map<String, String> readProperties(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("configuration file not found: " + file.toAbsolutePath());
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration " + file, e);
    }
    Map<String, String> raw = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> raw.put(k, properties.getProperty(k).trim()));
    return raw;
  }

  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Map<String, String> resolve(Map<String, String> raw) {
    Map<String, String> resolved = new LinkedHashMap<>();
    for (String key : raw.keySet()) {
      resolved.put(key, resolveValue(key, raw, 0));
    }
    return resolved;
  }

  private static String resolveValue(String key, Map<String, String> raw, int depth) {
    if (depth > 20) {
      throw new IllegalArgumentException("configuration reference cycle at " + key);
    }
    String value = raw.get(key);
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      if (!raw.containsKey(ref)) {
        throw new IllegalArgumentException("configuration key " + key + " refers to undefined ${" + ref + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(resolveValue(ref, raw, depth + 1)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Fills {@code ${key}} placeholders of a template (the Kafka server templates, for one) from {@code extra} first,
   * then from this configuration; an unknown placeholder is an error naming it. {@code ${provider:name}} is left as
   * it is: that is a Kafka config provider's variable ({@code ${env:LAKEHOUSE_...}} keeps secrets out of files).
   */
  public String render(String template, Map<String, String> extra) {
    Matcher m = REFERENCE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      if (key.contains(":")) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      String value = extra.containsKey(key) ? extra.get(key) : values.get(key);
      if (value == null) {
        throw new IllegalArgumentException("template placeholder ${" + key + "} is not a configuration key");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  public String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException(
          "missing configuration key '" + key + "' (set it in the configuration file or as " + envName(key) + ")");
    }
    return value;
  }

  public String get(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  /** true or false, nothing else (a typo would otherwise read as false); the error names the key. */
  public boolean getBoolean(String key) {
    String value = get(key).trim();
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException("configuration key '" + key + "' must be true or false, got '" + value + "'");
  }

  public int getInt(String key) {
    return Math.toIntExact(getLong(key));
  }

  public long getLong(String key) {
    String value = get(key);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("configuration key '" + key + "' must be an integer, got '" + value + "'");
    }
  }
  /** A count or size that must be above zero; the error names the key. */
  public long getPositiveLong(String key) {
    long value = getLong(key);
    if (value <= 0) {
      throw new IllegalArgumentException("configuration key '" + key + "' must be positive, got " + value);
    }
    return value;
  }

  /** A duration or count that may be zero but not negative; the error names the key. */
  public long getNonNegativeLong(String key) {
    long value = getLong(key);
    if (value < 0) {
      throw new IllegalArgumentException("configuration key '" + key + "' must not be negative, got " + value);
    }
    return value;
  }


  public List<String> getList(String key) {
    return List.of(get(key).split("\\s*,\\s*"));
  }

  /** A path value; relative paths are taken from the project directory. */
  public Path getPath(String key) {
    return home.resolve(get(key)).normalize();
  }

  public Path home() {
    return home;
  }

  /** All keys starting with {@code prefix}, with the prefix removed. */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  public Map<String, String> asMap() {
    return values;
  }

  /**
   * Writes the resolved values, so processes started from this configuration see exactly it; secrets are left
   * out (written empty), as they must come from the environment.
   */
  public void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        Properties p = new Properties();
        p.putAll(values);
        secretKeys(raw).forEach(key -> p.put(key, ""));
        p.store(w, "resolved Olist Lakehouse configuration (written by the platform; edit configs/ instead)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
