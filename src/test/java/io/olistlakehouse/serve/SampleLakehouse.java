package io.olistlakehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.batch.BatchJobs;
import io.olistlakehouse.batch.BatchMain;
import io.olistlakehouse.batch.BatchRun;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.bronze.IngestJob;
import io.olistlakehouse.bronze.IsolatedIngest;
import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import io.olistlakehouse.streaming.StreamingListener;
import io.olistlakehouse.streaming.StreamingMain;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestOlistSample;
import io.olistlakehouse.testing.TestPlatform;
import io.olistlakehouse.testing.TestThriftServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The Olist sample flowing through a lakehouse of one test's own on the shared platform: its own topics, bronze,
 * speed, silver and gold namespaces, and its own Thrift server over them (with a password). The sample is replayed
 * in parts at a paced rate; each part continues where the last one stopped.
 */
final class SampleLakehouse {

  final TestPlatform platform;
  final IsolatedIngest ingest;
  final Map<String, String> overrides;
  final LakehouseConfig config;
  final BatchSettings settings;
  final SparkSession spark;
  final TestThriftServer server;

  SampleLakehouse(String purpose, String thriftPassword) {
    platform = TestPlatform.shared();
    ingest = IsolatedIngest.create(platform, purpose);
    String name = ingest.name();
    overrides = new LinkedHashMap<>(ingest.overrides());
    overrides.put("replay.topic.prefix", name + ".");
    overrides.put("speed.topic.prefix", name + ".");
    overrides.put("speed.namespace", "it_" + name + "_speed");
    overrides.put("speed.checkpoint.dir", platform.config().getPath("work.dir").resolve("checkpoints/" + name
        + "_speed").toString());
    // As in SpeedSampleIT: the sample has events before their order's purchase; a tolerant clock keeps them all.
    overrides.put("speed.watermark.delay.seconds", "3600");
    overrides.put("speed.allowed.lateness.seconds", Long.toString(30L * 24 * 3600));
    overrides.put("batch.bronze.namespace", ingest.settings().stream().namespace());
    overrides.put("batch.silver.namespace", "it_" + name + "_silver");
    overrides.put("batch.gold.namespace", "it_" + name + "_gold");
    overrides.put("serve.thrift.password", thriftPassword);
    config = platform.config().withOverrides(overrides);
    settings = BatchSettings.fromConfig(config);
    spark = SparkSessionFactory.create(config, JobManifest.load(config, BatchMain.MANIFEST));
    server = new TestThriftServer(platform, name, overrides).up();
  }

  String name() {
    return ingest.name();
  }

  /** These settings as LAKEHOUSE_* variables of a child {@code bin/lakehouse}. */
  Map<String, String> env() {
    return ingest.env(overrides);
  }

  /**
   * Replays the next part of the sample at a paced rate for about {@code duration}, then stops the replayer.
   * {@code onSending} runs once the replayer sends (it has created the topics by then).
   */
  void replayFor(Duration duration, Runnable onSending) throws InterruptedException {
    TestLauncher.Running replay = TestLauncher.start(platform, env(), "replay", "--olist-dir",
        TestOlistSample.dir().toString(), "--rate", "3000");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    // Its first progress line comes a second after it starts sending (reading the CSVs comes before).
    while (!replay.stderr().contains("replay: ") && replay.alive()) {
      assertTrue(System.nanoTime() < deadline, "replay did not start sending: " + replay.stderr());
      Thread.sleep(200);
    }
    onSending.run();
    Thread.sleep(duration.toMillis());
    replay.terminate();
    replay.await(Duration.ofMinutes(2));
  }

  /** Lands what the topics hold in bronze. */
  void ingestOnce() throws Exception {
    StreamingMain.run(config, spark, IngestJob.LAYER, true, StreamingListener.silent());
  }

  /** Runs the speed layer once over what the topics hold ({@code speed --once}, a child process). */
  void speedOnce() {
    TestLauncher.Result speed = TestLauncher.run(platform, env(), "speed", "--once");
    assertEquals(0, speed.exitCode(), speed.stderr());
  }

  void batch(BatchSettings target, boolean full) throws Exception {
    new BatchRun(spark, new PrintStream(OutputStream.nullOutputStream()), BatchMain.parallelism(config))
        .run(BatchJobs.all(target), full);
  }

  /** A query through the Thrift server, every value as the driver's string. */
  List<List<String>> query(String sql) throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  void close() {
    server.down();
  }
}
