package io.olistlakehouse.platform.superset;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.process.ProcessSpec;
import io.olistlakehouse.platform.process.SetupCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Superset as an optional platform process: gunicorn serving Superset from the project's venv, with its metadata
 * database (SQLite) and secrets under {@code superset.home}. {@link #prepare} installs the venv when its pinned
 * requirements changed, keeps the generated secrets and creates the database and the admin user on the first
 * start; the platform runs it before it builds the process's command, which carries the secret key.
 */
public final class SupersetServer {

  public static final String NAME = "superset";
  private static final String INITIALISED = ".initialised";

  private SupersetServer() {}

  public static ProcessSpec process(LakehouseConfig config) {
    Path venv = config.getPath("superset.venv");
    List<String> cmd = List.of(venv.resolve("bin/gunicorn").toString(),
        "--workers", config.get("superset.workers"), "--worker-class", "gthread",
        "--threads", config.get("superset.threads"), "--timeout", config.get("superset.request.timeout.seconds"),
        "--bind", config.get("superset.host") + ":" + config.get("superset.port"),
        "superset.app:create_app()");
    return new ProcessSpec(NAME, cmd, config.getPath("superset.home"), environment(config),
        config.getInt("superset.port"), "superset.port");
  }

  /** The variables Superset's settings file ({@code superset.config.file}) reads. */
  static Map<String, String> environment(LakehouseConfig config) {
    SupersetSecrets secrets = SupersetSecrets.current(config);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SUPERSET_HOME", config.getPath("superset.home").toString());
    env.put("SUPERSET_CONFIG_PATH", config.getPath("superset.config.file").toString());
    env.put("SUPERSET_SECRET_KEY", secrets.secretKey());
    env.put("PATH", config.getPath("superset.venv").resolve("bin") + ":" + System.getenv().getOrDefault("PATH", ""));
    return env;
  }

  /**
   * Makes the venv and the metadata database ready: {@code bin/setup-python superset} (a no-op when the venv
   * matches its requirements), then on the first start {@code superset db upgrade}, the admin user and
   * {@code superset init}; later starts only reset the admin password when the configured one changed.
   */
  public static void prepare(LakehouseConfig config) {
    Path home = config.getPath("superset.home");
    run(config, List.of(config.home().resolve("bin/setup-python").toString(), "superset"), "installing Superset");
    SupersetSecrets secrets = SupersetSecrets.ensure(config);
    Path stamp = home.resolve(INITIALISED);
    // Keyed with the secret key, so the stamp does not reveal a guessable password.
    String passwordHash = sha256(secrets.secretKey() + "\n" + secrets.adminPassword());
    try {
      if (!Files.isRegularFile(stamp)) {
        superset(config, "creating Superset's metadata database", "db", "upgrade");
        superset(config, "creating Superset's admin user", "fab", "create-admin",
            "--username", secrets.adminUser(), "--password", secrets.adminPassword(), "--firstname", "Lakehouse",
            "--lastname", "Admin", "--email", config.get("superset.admin.email"));
        superset(config, "setting up Superset's roles", "init");
      } else if (!Files.readString(stamp).strip().equals(passwordHash)) {
        superset(config, "setting Superset's admin password", "fab", "reset-password",
            "--username", secrets.adminUser(), "--password", secrets.adminPassword());
      }
      Files.writeString(stamp, passwordHash + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + stamp, e);
    }
  }

  /** True once Superset's {@code /health} answers 200: gunicorn opens the port before its workers load the app. */
  public static boolean healthy(LakehouseConfig config) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url(config) + "/health").toURL().openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(5000);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  public static String url(LakehouseConfig config) {
    return "http://" + config.get("superset.host") + ":" + config.get("superset.port");
  }

  /** Runs Superset's CLI with the server's settings; fails, naming the log, when it exits non-zero. */
  static void superset(LakehouseConfig config, String what, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(config.getPath("superset.venv").resolve("bin/superset").toString());
    cmd.addAll(List.of(args));
    run(config, cmd, what);
  }

  /** Runs a Python script of the project in Superset's venv and app settings, as {@link #superset} does the CLI. */
  static void python(LakehouseConfig config, String what, Path script, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(config.getPath("superset.venv").resolve("bin/python").toString());
    cmd.add(script.toString());
    cmd.addAll(List.of(args));
    run(config, cmd, what);
  }

  private static void run(LakehouseConfig config, List<String> cmd, String what) {
    Path home = config.getPath("superset.home");
    Map<String, String> env = cmd.get(0).endsWith("setup-python")
        ? Map.of("LAKEHOUSE_SUPERSET_VENV", config.getPath("superset.venv").toString()) : environment(config);
    SetupCommand.run(cmd, env, home, home.resolve("setup.log"), what);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
