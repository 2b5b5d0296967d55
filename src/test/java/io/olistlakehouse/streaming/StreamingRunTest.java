package io.olistlakehouse.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import scala.collection.JavaConverters;

/** The job skeleton with an in-memory source and sink: no Kafka, no catalog, a local Spark only. */
class StreamingRunTest {

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master("local[1]").appName("streaming-run-test")
        .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1").config("spark.sql.shuffle.partitions", "1").getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.close();
  }

  /** Keeps every micro-batch's rows and marker; fails the micro-batches listed. */
  private static final class CollectingSink implements MicroBatchSink<Long> {
    final List<String> rows = new ArrayList<>();
    final List<MicroBatchMarker> markers = new ArrayList<>();
    final List<Long> failing = new ArrayList<>();
    boolean prepared;
    int abandoned;

    @Override
    public void prepare() {
      prepared = true;
    }

    @Override
    public Long write(Dataset<Row> microBatch, MicroBatchMarker marker) {
      if (failing.contains(marker.batchId())) {
        throw new IllegalStateException("micro-batch " + marker.batchId() + " fails");
      }
      microBatch.collectAsList().forEach(r -> rows.add(r.getString(0)));
      markers.add(marker);
      return microBatch.count();
    }

    @Override
    public void abandoned() {
      abandoned++;
    }
  }

  private static final class EchoJob extends StreamingJob<Long> {
    EchoJob(Dataset<Row> source, CollectingSink sink, StreamingSettings settings) {
      super("echo", source, sink, settings);
    }

    @Override
    public String describe() {
      return "memory";
    }

    @Override
    public String summarize(List<Long> microBatches, Duration took) {
      return microBatches.stream().mapToLong(Long::longValue).sum() + " rows";
    }
  }

  private static StreamingSettings settings(Path checkpoint) {
    return new StreamingSettings("echo.", "unused", Map.of(), "", "unused", "unused", "echo", checkpoint, 100,
        Duration.ZERO, Duration.ofSeconds(5), Map.of());
  }

  private static MemoryStream<String> memory(List<String> first) {
    MemoryStream<String> stream = new MemoryStream<>(1, spark.sqlContext(), Option.empty(), Encoders.STRING());
    stream.addData(JavaConverters.asScalaBuffer(first).toSeq());
    return stream;
  }

  @Test
  void everyRowReachesTheSinkOnceAcrossRuns(@TempDir Path checkpoint) throws Exception {
    MemoryStream<String> source = memory(List.of("a", "b", "c"));
    CollectingSink sink = new CollectingSink();
    StreamingRun.Summary<Long> first = StreamingRun.toEnd(new EchoJob(source.toDF(), sink, settings(checkpoint)),
        true, StreamingListener.silent());
    assertTrue(sink.prepared);
    assertEquals(List.of("a", "b", "c"), sink.rows);
    assertEquals("3 rows", first.toString());
    String queryId = sink.markers.get(0).queryId();

    source.addData(JavaConverters.asScalaBuffer(List.of("d")).toSeq());
    StreamingRun.Summary<Long> second = StreamingRun.toEnd(new EchoJob(source.toDF(), sink, settings(checkpoint)),
        true, StreamingListener.silent());
    assertEquals(List.of("a", "b", "c", "d"), sink.rows, "the checkpoint resumes after what was written");
    assertEquals(List.of(1L), second.microBatches());
    assertEquals(queryId, sink.markers.get(sink.markers.size() - 1).queryId(), "one query across restarts");
  }

  @Test
  void aFailedWriteFailsTheRunAndTellsTheSink(@TempDir Path checkpoint) {
    CollectingSink sink = new CollectingSink();
    sink.failing.add(0L);
    EchoJob job = new EchoJob(memory(List.of("x")).toDF(), sink, settings(checkpoint));
    Exception e = assertThrows(Exception.class, () -> StreamingRun.toEnd(job, true, StreamingListener.silent()));
    assertTrue(String.valueOf(e.getMessage()).contains("micro-batch 0 fails"), String.valueOf(e));
    assertEquals(1, sink.abandoned);
    assertEquals(List.of(), sink.rows);
  }
}
