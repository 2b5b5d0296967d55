package io.olistlakehouse.airflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.airflow.AirflowServer;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSubmit;
import io.olistlakehouse.spark.SparkSubmit.Submission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the DAGs of {@code airflow/dags/} submit, as JSON: for each DAG its schedule and retries, and for each task
 * the spark-submit {@link SparkSubmit} builds for {@code bin/lakehouse submit} (main class, arguments, driver
 * settings), and the tasks it waits for. Written by Java so that a DAG task and {@code bin/lakehouse submit} cannot
 * drift apart, and so that the DAG files hold no path, host or job list of their own.
 */
public final class AirflowPlan {

  public static final String BATCH_DAG = "lakehouse_batch";
  public static final String MAINTENANCE_DAG = "lakehouse_maintenance";
  static final String BATCH_MANIFEST = "batch";
  static final String MAINTENANCE_MANIFEST = "maintenance";

  private AirflowPlan() {}

  /** Airflow made ready ({@link AirflowServer#prepare}) and the plan written where the DAGs read it. */
  public static void prepare(LakehouseConfig config, Path configFile) {
    AirflowServer.prepare(config, configFile);
    write(config, AirflowServer.planFile(config));
  }

  public static void write(LakehouseConfig config, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), plan(config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Airflow plan " + file, e);
    }
  }

  static ObjectNode plan(LakehouseConfig config) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode plan = json.createObjectNode();
    plan.put("spark_conn_id", config.get("airflow.spark.conn.id"));
    ObjectNode dags = plan.putObject("dags");
    List<JobManifest> manifests = JobManifest.all(config);
    ObjectNode batch = dag(dags, BATCH_DAG, config, "airflow.batch.");
    BatchTasks.Grouping grouping = BatchTasks.grouping(config.get("airflow.batch.tasks"));
    for (BatchTasks.Task task : BatchTasks.of(manifests, grouping)) {
      // A task of one job runs as that job's manifest says; a task of several, as the batch layer's, with --only.
      JobManifest manifest = task.jobs().size() == 1 ? manifests.stream()
          .filter(m -> m.job().equals(task.jobs().get(0))).findFirst().orElseThrow()
          : JobManifest.load(config, BATCH_MANIFEST);
      List<String> args = new ArrayList<>();
      if (task.jobs().size() > 1) {
        args.add("--only");
        args.addAll(task.jobs());
      }
      ObjectNode node = task(batch, task.id(), SparkSubmit.submission(config, manifest,
          SparkSubmit.defaultMode(manifest), args), task.upstream());
      task.jobs().forEach(node.putArray("jobs")::add);
    }
    if (manifests.stream().anyMatch(m -> m.name().equals(MAINTENANCE_MANIFEST))) {
      ObjectNode maintenance = dag(dags, MAINTENANCE_DAG, config, "airflow.maintenance.");
      JobManifest maintain = JobManifest.load(config, MAINTENANCE_MANIFEST);
      String previous = null;
      // One task per layer, one after the other: maintenance shares the machine with the jobs, not with itself.
      for (String namespace : config.getList("maintain.namespaces")) {
        task(maintenance, namespace, SparkSubmit.submission(config, maintain,
            SparkSubmit.defaultMode(maintain), List.of("--only", namespace)),
            previous == null ? List.of() : List.of(previous));
        previous = namespace;
      }
    }
    return plan;
  }

  private static ObjectNode dag(ObjectNode dags, String id, LakehouseConfig config, String prefix) {
    ObjectNode dag = dags.putObject(id);
    dag.put("schedule", config.get(prefix + "schedule"));
    dag.put("start_date", config.get("airflow.start.date"));
    dag.put("retries", config.getInt("airflow.retries"));
    dag.put("retry_delay_seconds", config.getInt("airflow.retry.delay.seconds"));
    dag.put("pool", config.get("airflow.pool"));
    dag.putArray("tasks");
    return dag;
  }

  private static ObjectNode task(ObjectNode dag, String id, Submission submit, List<String> upstream) {
    ObjectNode task = ((ArrayNode) dag.get("tasks")).addObject();
    task.put("task_id", id);
    task.put("application", submit.jar().toString());
    task.put("java_class", submit.mainClass());
    task.put("name", submit.appName());
    task.put("driver_memory", submit.driverMemory());
    ObjectNode conf = task.putObject("conf");
    submit.conf().forEach(conf::put);
    conf.put("spark.driver.extraJavaOptions", submit.driverJavaOptions());
    submit.args().forEach(task.putArray("application_args")::add);
    upstream.forEach(task.putArray("upstream")::add);
    return task;
  }
}
