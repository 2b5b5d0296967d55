package io.olistlakehouse.platform.kafka;

import io.olistlakehouse.config.LakehouseConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * How every Kafka client of the project connects: the bootstrap servers and, when {@code kafka.security.protocol} is
 * SASL_PLAINTEXT (the secure profile), SCRAM-SHA-512 credentials of one of three principals. The replayer writes the
 * stream topics, the streaming jobs read them, and the admin (the brokers themselves, the registry, the operator's
 * commands) does the rest; {@link KafkaAcls} grants exactly that.
 */
public final class KafkaClients {

  public static final String SCRAM = "SCRAM-SHA-512";

  /** Who connects; each role is {@code kafka.<role>.user} with the password {@code kafka.<role>.password}. */
  public enum Role {
    ADMIN, REPLAYER, JOBS;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String user(LakehouseConfig config) {
      return config.get("kafka." + key() + ".user");
    }

    String password(LakehouseConfig config) {
      return config.get("kafka." + key() + ".password");
    }
  }

  private KafkaClients() {}

  /** True when clients must authenticate (and the brokers enforce ACLs). */
  public static boolean secured(LakehouseConfig config) {
    return !config.get("kafka.security.protocol").equals("PLAINTEXT");
  }

  /** Bootstrap servers and, when secured, the role's authentication: a base to add a client's own settings to. */
  public static Map<String, String> settings(LakehouseConfig config, Role role) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"));
    settings.putAll(authentication(config, role));
    return settings;
  }

  /** The same, as the Properties that Kafka's client constructors take. */
  public static Properties properties(LakehouseConfig config, Role role) {
    Properties p = new Properties();
    p.putAll(settings(config, role));
    return p;
  }

  /** Only the authentication settings (none when not secured); Spark's source takes them prefixed with kafka. */
  public static Map<String, String> authentication(LakehouseConfig config, Role role) {
    if (!secured(config)) {
      return Map.of();
    }
    return Map.of(
        CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, config.get("kafka.security.protocol"),
        SaslConfigs.SASL_MECHANISM, SCRAM,
        SaslConfigs.SASL_JAAS_CONFIG, jaas(role.user(config), role.password(config)));
  }

  static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
        + "\" password=\"" + password + "\";";
  }
}
