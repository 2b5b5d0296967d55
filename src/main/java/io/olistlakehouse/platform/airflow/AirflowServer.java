package io.olistlakehouse.platform.airflow;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.SparkHome;
import io.olistlakehouse.platform.process.ProcessSpec;
import io.olistlakehouse.platform.process.SetupCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Airflow 3 as optional platform processes, from the project's venv: the API server (UI, REST and the Execution API
 * the tasks report to), the scheduler with LocalExecutor, the DAG processor and the triggerer, all on loopback and
 * under {@code airflow.home} with a SQLite metadata database. {@link #prepare} installs the venvs when their pinned
 * requirements changed and migrates the database; the DAGs read a plan written beside it ({@link #planFile}, by
 * {@code io.olistlakehouse.airflow.AirflowPlan}).
 */
public final class AirflowServer {

  public static final String API_SERVER = "airflow-api-server";
  public static final String SCHEDULER = "airflow-scheduler";
  public static final String DAG_PROCESSOR = "airflow-dag-processor";
  public static final String TRIGGERER = "airflow-triggerer";
  public static final List<String> PROCESSES = List.of(API_SERVER, SCHEDULER, DAG_PROCESSOR, TRIGGERER);
  /** The name {@code up --with} and {@code platform.processes} know all four by. */
  public static final String NAME = "airflow";
  private static final String MIGRATED = ".migrated";

  private AirflowServer() {}

  /** The four processes; {@code configFile} is the platform's resolved configuration, which the jobs read. */
  public static List<ProcessSpec> processes(LakehouseConfig config, Path configFile) {
    Map<String, String> env = environment(config, configFile);
    Path home = config.getPath("airflow.home");
    String host = config.get("airflow.host");
    int port = config.getInt("airflow.port");
    return List.of(
        new ProcessSpec(API_SERVER, airflow(config, "api-server", "--host", host, "--port", Integer.toString(port)),
            home, env, port, "airflow.port"),
        // --skip-serve-logs: the log server would listen on all interfaces; the API server reads the files itself.
        new ProcessSpec(SCHEDULER, airflow(config, "scheduler", "--skip-serve-logs"), home, env,
            ProcessSpec.NO_PORT, null),
        new ProcessSpec(DAG_PROCESSOR, airflow(config, "dag-processor"), home, env, ProcessSpec.NO_PORT, null),
        new ProcessSpec(TRIGGERER, airflow(config, "triggerer", "--skip-serve-logs"), home, env,
            ProcessSpec.NO_PORT, null));
  }

  /** The Airflow CLI of the venv with these arguments. */
  public static List<String> airflow(LakehouseConfig config, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(config.getPath("airflow.venv").resolve("bin/airflow").toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * What every Airflow process and CLI call runs with: its home, the DAGs, LocalExecutor on loopback, the Spark
   * connection (the configured master) and spark-submit on the PATH, the plan, and the configuration the
   * submitted jobs read.
   */
  public static Map<String, String> environment(LakehouseConfig config, Path configFile) {
    String api = "http://" + config.get("airflow.host") + ":" + config.get("airflow.port");
    Path sparkHome = SparkHome.of(config);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AIRFLOW_HOME", config.getPath("airflow.home").toString());
    env.put("AIRFLOW__CORE__DAGS_FOLDER", config.getPath("airflow.dags.dir").toString());
    env.put("AIRFLOW__CORE__LOAD_EXAMPLES", "False");
    env.put("AIRFLOW__CORE__EXECUTOR", "LocalExecutor");
    env.put("AIRFLOW__CORE__PARALLELISM", config.get("airflow.parallelism"));
    env.put("AIRFLOW__CORE__EXECUTION_API_SERVER_URL", api + "/execution/");
    env.put("AIRFLOW__API__HOST", config.get("airflow.host"));
    env.put("AIRFLOW__API__PORT", config.get("airflow.port"));
    env.put("AIRFLOW__API__BASE_URL", api);
    env.put("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS", config.get("airflow.admin.user") + ":admin");
    env.put("AIRFLOW_CONN_" + config.get("airflow.spark.conn.id").toUpperCase(Locale.ROOT),
        "{\"conn_type\": \"spark\", \"host\": \"" + config.get("spark.master") + "\"}");
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("PATH", sparkHome.resolve("bin") + ":" + config.getPath("airflow.venv").resolve("bin") + ":"
        + System.getenv().getOrDefault("PATH", ""));
    env.put("LAKEHOUSE_AIRFLOW_PLAN", planFile(config).toString());
    env.put(LakehouseConfig.CONFIG_FILE_ENV, configFile.toString());
    return env;
  }

  public static Path planFile(LakehouseConfig config) {
    return config.getPath("airflow.home").resolve("lakehouse-plan.json");
  }

  public static String url(LakehouseConfig config) {
    return "http://" + config.get("airflow.host") + ":" + config.get("airflow.port");
  }

  /** Where the API server keeps the generated password of {@code airflow.admin.user}. */
  public static String loginHint(LakehouseConfig config) {
    return "user " + config.get("airflow.admin.user") + ", password in " + config.getPath("airflow.home")
        .resolve("simple_auth_manager_passwords.json.generated");
  }

  /**
   * Makes Airflow ready to run or be called: its venv and pyspark's, which its tasks submit with
   * ({@code bin/setup-python}, a no-op when a venv matches its requirements), and {@code airflow db migrate} when
   * Airflow's venv changed since the last one.
   */
  public static void prepare(LakehouseConfig config, Path configFile) {
    Path home = config.getPath("airflow.home");
    Path log = home.resolve("setup.log");
    SetupCommand.run(List.of(config.home().resolve("bin/setup-python").toString(), "airflow"),
        Map.of("LAKEHOUSE_AIRFLOW_VENV", config.getPath("airflow.venv").toString()), home, log,
        "installing Airflow");
    if (config.get("submit.spark.home").isEmpty()) {
      SetupCommand.run(List.of(config.home().resolve("bin/setup-python").toString(), "notebooks"),
          Map.of("LAKEHOUSE_NOTEBOOK_VENV", config.getPath("submit.spark.venv").toString()), home, log,
          "installing pyspark");
    }
    Path stamp = home.resolve(MIGRATED);
    Path venvStamp = config.getPath("airflow.venv").resolve(".requirements.sha256");
    try {
      String venv = Files.readString(venvStamp).strip();
      if (!Files.isRegularFile(stamp) || !Files.readString(stamp).strip().equals(venv)) {
        SetupCommand.run(airflow(config, "db", "migrate"), environment(config, configFile), home, log,
            "creating Airflow's metadata database");
        Files.writeString(stamp, venv + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + stamp, e);
    }
  }
}
