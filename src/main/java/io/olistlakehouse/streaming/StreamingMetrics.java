package io.olistlakehouse.streaming;

import io.olistlakehouse.config.LakehouseConfig;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * A long-running streaming job's Prometheus metrics, served over HTTP while it runs (docs/operations.md lists them):
 * <ul>
 *   <li>from Spark's progress reports: rows per second in and processed, micro-batch time, records read per topic,
 *       the last commit, and the time the job last caught up with the log end, which makes its freshness;
 *   <li>at scrape time, from Kafka: the consumer lag per topic, as offsets behind the log end ({@link KafkaLag});
 *   <li>from the micro-batch reports ({@link MicroBatchCounts}): dead letters per reason, late events.
 * </ul>
 */
public final class StreamingMetrics extends StreamingQueryListener implements AutoCloseable {

  private final String queryName;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Gauge inputRate;
  private final Gauge processedRate;
  private final Histogram microBatchSeconds;
  private final Counter recordsRead;
  private final Gauge lastCommit;
  private final Gauge caughtUp;
  private final Counter deadLetters;
  private final Counter lateEvents;
  private final KafkaLag lag;
  private final HTTPServer server;

  /**
   * Serves the metrics of the query named {@code queryName} on {@code host:port}; {@code deadLetterReasons} start
   * at 0, so that the first dead letters of a reason count as an increase.
   */
  public StreamingMetrics(String queryName, String host, int port, KafkaLag lag, List<String> deadLetterReasons) {
    this.queryName = queryName;
    this.lag = lag;
    inputRate = Gauge.builder().name("lakehouse_stream_input_rows_per_second")
        .help("Rows per second arriving in the last micro-batch").register(registry);
    processedRate = Gauge.builder().name("lakehouse_stream_processed_rows_per_second")
        .help("Rows per second the last micro-batch processed").register(registry);
    microBatchSeconds = Histogram.builder().name("lakehouse_stream_micro_batch_seconds")
        .help("Duration of each micro-batch that read rows").classicOnly()
        .classicUpperBounds(0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300).register(registry);
    recordsRead = Counter.builder().name("lakehouse_stream_records_read")
        .help("Kafka records read, per topic").labelNames("topic").register(registry);
    lastCommit = Gauge.builder().name("lakehouse_stream_last_commit_timestamp_seconds")
        .help("When the last micro-batch that read rows finished (its tables committed)").register(registry);
    caughtUp = Gauge.builder().name("lakehouse_stream_caught_up_timestamp_seconds")
        .help("Start of the last micro-batch that read everything the log held then: every record published "
            + "before it is in the tables; time() minus this is the job's freshness").register(registry);
    deadLetters = Counter.builder().name("lakehouse_stream_dead_letters")
        .help("Records that went to a dead-letter table, per reason").labelNames("reason").register(registry);
    deadLetterReasons.forEach(reason -> deadLetters.labelValues(reason));
    lateEvents = Counter.builder().name("lakehouse_stream_late_events")
        .help("Events later than the allowed lateness, kept in the late-event table").register(registry);
    lateEvents.inc(0);
    GaugeWithCallback.builder().name("lakehouse_stream_consumer_lag_records")
        .help("Offsets between the job's position (end of its last micro-batch) and the log end, per topic")
        .labelNames("topic").callback(cb -> lag.behindLogEnd().forEach((topic, n) -> cb.call(n, topic)))
        .register(registry);
    try {
      server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the metrics of " + queryName + " on " + host + ":" + port, e);
    }
  }

  /** The metrics of {@code job}, on {@code lakehouse.host} and the port of its {@code <prefix>metrics.port}. */
  public static StreamingMetrics serve(LakehouseConfig config, StreamingJob<?> job) {
    StreamingSettings settings = job.settings();
    return new StreamingMetrics(job.name(), config.get("lakehouse.host"),
        config.getInt(settings.keyPrefix() + "metrics.port"), new KafkaLag(settings.kafkaClient()),
        job.deadLetterReasons());
  }

  /** What a micro-batch report adds: its dead letters and late events. */
  public void microBatch(Object report) {
    if (report instanceof MicroBatchCounts counts) {
      counts.deadLettersByReason().forEach((reason, n) -> deadLetters.labelValues(reason).inc(n));
      lateEvents.inc(counts.lateEvents());
    }
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress progress = event.progress();
    if (!queryName.equals(progress.name())) {
      return;
    }
    double now = System.currentTimeMillis() / 1000.0;
    inputRate.set(finite(progress.inputRowsPerSecond()));
    processedRate.set(finite(progress.processedRowsPerSecond()));
    boolean readEverything = true;
    for (SourceProgress source : progress.sources()) {
      Map<TopicPartition, Long> end = SourceOffsets.parse(source.endOffset());
      SourceOffsets.perTopic(SourceOffsets.parse(source.startOffset()), end)
          .forEach((topic, n) -> recordsRead.labelValues(topic).inc(n));
      readEverything &= SourceOffsets.perTopic(end, SourceOffsets.parse(source.latestOffset())).values().stream()
          .allMatch(n -> n == 0);
      lag.position(end);
    }
    if (progress.numInputRows() > 0) {
      Long took = progress.durationMs().get("triggerExecution");
      microBatchSeconds.observe(took == null ? 0 : took / 1000.0);
      lastCommit.set(now);
    }
    if (readEverything) {
      caughtUp.set(Instant.parse(progress.timestamp()).toEpochMilli() / 1000.0);
    }
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {}

  @Override
  public void close() {
    server.close();
    lag.close();
  }
}
