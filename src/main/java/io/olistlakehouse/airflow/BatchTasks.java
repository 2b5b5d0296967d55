package io.olistlakehouse.airflow;

import io.olistlakehouse.spark.JobManifest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The batch layer's jobs cut into Airflow tasks. Every task is one spark-submit, and each pays a JVM and Spark
 * start of several seconds, so the grouping is a setting ({@code airflow.batch.tasks}): {@code job}, one task per job;
 * {@code level}, one task per dependency level, whose jobs run side by side in one Spark application; or
 * {@code layer}, one task per layer (silver, gold), whose jobs run in dependency order in one application.
 */
public final class BatchTasks {

  /** One task: its id, the batch jobs it runs, the tasks it waits for. */
  public record Task(String id, List<String> jobs, List<String> upstream) {}

  public enum Grouping { JOB, LEVEL, LAYER }

  private BatchTasks() {}

  public static Grouping grouping(String setting) {
    try {
      return Grouping.valueOf(setting.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("airflow.batch.tasks must be 'layer', 'level' or 'job', not '" + setting
          + "'", e);
    }
  }

  /** The tasks for the manifests naming a batch job ({@code job}, {@code depends_on}), in dependency order. */
  public static List<Task> of(List<JobManifest> manifests, Grouping grouping) {
    Map<String, JobManifest> jobs = new LinkedHashMap<>();
    manifests.stream().filter(m -> !m.job().isEmpty()).forEach(m -> jobs.put(m.job(), m));
    Map<String, Integer> levels = new HashMap<>();
    jobs.keySet().forEach(job -> level(job, jobs, levels, new LinkedHashSet<>()));
    Map<String, List<String>> byTask = new LinkedHashMap<>();
    TreeMap<Integer, List<String>> byLevel = new TreeMap<>();
    jobs.keySet().forEach(job -> byLevel.computeIfAbsent(levels.get(job), l -> new ArrayList<>()).add(job));
    if (grouping == Grouping.JOB) {
      byLevel.values().forEach(level -> level.forEach(job -> byTask.put(jobs.get(job).name(), List.of(job))));
    } else if (grouping == Grouping.LAYER) {
      Map<String, List<String>> byLayer = new LinkedHashMap<>();
      byLevel.values().forEach(level -> level.forEach(job -> byLayer.computeIfAbsent(layer(job),
          l -> new ArrayList<>()).add(job)));
      byLayer.forEach((layer, members) -> byTask.put(layer, List.copyOf(members)));
    } else {
      List<String> ids = levelTaskIds(byLevel.values());
      int i = 0;
      for (List<String> level : byLevel.values()) {
        byTask.put(ids.get(i++), List.copyOf(level));
      }
    }
    Map<String, String> taskOfJob = new HashMap<>();
    byTask.forEach((task, members) -> members.forEach(job -> taskOfJob.put(job, task)));
    List<Task> tasks = new ArrayList<>();
    byTask.forEach((task, members) -> {
      Set<String> upstream = new LinkedHashSet<>();
      members.forEach(job -> jobs.get(job).dependsOn().forEach(dep -> upstream.add(taskOfJob.get(dep))));
      upstream.remove(task);
      tasks.add(new Task(task, members, List.copyOf(upstream)));
    });
    return tasks;
  }

  /** 0 for a job reading no other job, else one more than its deepest dependency. */
  private static int level(String job, Map<String, JobManifest> jobs, Map<String, Integer> levels, Set<String> path) {
    Integer known = levels.get(job);
    if (known != null) {
      return known;
    }
    JobManifest manifest = jobs.get(job);
    if (manifest == null) {
      throw new IllegalArgumentException("a batch job depends on '" + job + "', which no manifest names");
    }
    if (!path.add(job)) {
      throw new IllegalArgumentException("batch jobs depend on each other in a circle: " + path);
    }
    int level = 0;
    for (String dep : manifest.dependsOn()) {
      level = Math.max(level, level(dep, jobs, levels, path) + 1);
    }
    path.remove(job);
    levels.put(job, level);
    return level;
  }

  /**
   * Task ids of the levels: the layer of their jobs (silver, gold), numbered when a layer spans several levels
   * (gold_1, gold_2).
   */
  private static List<String> levelTaskIds(Collection<List<String>> levels) {
    List<String> layers = levels.stream()
        .map(level -> String.join("_", level.stream().map(BatchTasks::layer).distinct().toList())).toList();
    Map<String, Integer> seen = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (String layer : layers) {
      int n = seen.merge(layer, 1, Integer::sum);
      ids.add(Collections.frequency(layers, layer) > 1 ? layer + "_" + n : layer);
    }
    return ids;
  }

  private static String layer(String job) {
    int dot = job.indexOf('.');
    return dot < 0 ? job : job.substring(0, dot);
  }
}
