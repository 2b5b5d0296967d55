package io.olistlakehouse.batch;

import io.olistlakehouse.batch.incremental.BatchJobOutcome;
import io.olistlakehouse.metrics.PushGateway;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Each batch job's run, pushed to the Pushgateway as it ends (a group per table): when it ran, whether it failed,
 * how long it took, the rows its commit added and deleted and the table's rows after it, and when it last succeeded.
 * A push that fails is said once per run and changes nothing else.
 */
final class BatchMetrics implements BatchRun.Listener {

  static final String JOB = "lakehouse_batch";

  private final PushGateway gateway;
  private final PrintStream out;
  private final AtomicBoolean warned = new AtomicBoolean();

  BatchMetrics(PushGateway gateway, PrintStream out) {
    this.gateway = gateway;
    this.out = out;
  }

  @Override
  public void finished(BatchJobOutcome outcome) {
    PrometheusRegistry registry = new PrometheusRegistry();
    double now = System.currentTimeMillis() / 1000.0;
    gauge(registry, "lakehouse_batch_last_run_timestamp_seconds", "When the job's last run ended").set(now);
    gauge(registry, "lakehouse_batch_last_success_timestamp_seconds", "When the job last ran without failing")
        .set(now);
    gauge(registry, "lakehouse_batch_failed", "1 when the job's last run failed").set(0);
    gauge(registry, "lakehouse_batch_duration_seconds", "How long the job's last run took").set(outcome.seconds());
    Gauge changed = Gauge.builder().name("lakehouse_batch_rows_changed")
        .help("Rows the last run's commit added and deleted (0 when it committed nothing)").labelNames("change")
        .register(registry);
    changed.labelValues("added").set(outcome.addedRows());
    changed.labelValues("deleted").set(outcome.deletedRows());
    if (outcome.committed()) {
      gauge(registry, "lakehouse_batch_table_rows", "The table's rows after the job's last commit")
          .set(outcome.totalRows());
    }
    push(registry, outcome.job());
  }

  @Override
  public void failed(String job, Exception cause) {
    PrometheusRegistry registry = new PrometheusRegistry();
    gauge(registry, "lakehouse_batch_last_run_timestamp_seconds", "When the job's last run ended")
        .set(System.currentTimeMillis() / 1000.0);
    gauge(registry, "lakehouse_batch_failed", "1 when the job's last run failed").set(1);
    push(registry, job);
  }

  private static Gauge gauge(PrometheusRegistry registry, String name, String help) {
    return Gauge.builder().name(name).help(help).register(registry);
  }

  private void push(PrometheusRegistry registry, String table) {
    Optional<String> problem = gateway.push(registry, JOB, Map.of("table", table));
    if (problem.isPresent() && warned.compareAndSet(false, true)) {
      synchronized (out) {
        out.println("batch: metrics not pushed: " + problem.get());
      }
    }
  }
}
