package io.olistlakehouse.batch;

import io.olistlakehouse.batch.gold.MonthlySalesByProductJob;
import io.olistlakehouse.batch.gold.OrderDetailJob;
import io.olistlakehouse.batch.gold.OrderLeadDaysJob;
import io.olistlakehouse.batch.gold.ReviewAnswerLeadDaysJob;
import io.olistlakehouse.batch.gold.UserLocationJob;
import io.olistlakehouse.batch.incremental.BatchJob;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.silver.GeoCoordJob;
import io.olistlakehouse.batch.silver.OlistUserJob;
import io.olistlakehouse.batch.silver.OrderEventJob;
import io.olistlakehouse.batch.silver.OrderLineJob;
import io.olistlakehouse.batch.silver.ProductJob;
import io.olistlakehouse.batch.silver.ReviewJob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The batch layer's jobs, silver then gold, each after the jobs it depends on. */
public final class BatchJobs {

  private BatchJobs() {}

  public static List<BatchJob> all(BatchSettings settings) {
    List<BatchJob> jobs = List.of(
        new OrderEventJob(settings), new OrderLineJob(settings), new ProductJob(settings),
        new OlistUserJob(settings), new GeoCoordJob(settings), new ReviewJob(settings),
        new OrderLeadDaysJob(settings), new OrderDetailJob(settings), new MonthlySalesByProductJob(settings),
        new UserLocationJob(settings), new ReviewAnswerLeadDaysJob(settings));
    checkOrder(jobs);
    return jobs;
  }

  /** The named jobs (all when none is named), in dependency order; an unknown name fails with the known ones. */
  public static List<BatchJob> select(BatchSettings settings, List<String> names) {
    List<BatchJob> all = all(settings);
    if (names == null || names.isEmpty()) {
      return all;
    }
    Set<String> wanted = new LinkedHashSet<>(names);
    List<String> known = all.stream().map(BatchJob::name).toList();
    for (String name : wanted) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown batch job '" + name + "'; known: " + known);
      }
    }
    return all.stream().filter(j -> wanted.contains(j.name())).toList();
  }

  private static void checkOrder(List<BatchJob> jobs) {
    Set<String> before = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (BatchJob job : jobs) {
      job.dependsOn().stream().filter(d -> !before.contains(d))
          .forEach(d -> problems.add(job.name() + " needs " + d + " first"));
      before.add(job.name());
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("batch jobs out of dependency order: " + problems);
    }
  }
}
