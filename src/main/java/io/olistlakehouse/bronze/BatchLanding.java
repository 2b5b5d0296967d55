package io.olistlakehouse.bronze;

import static org.apache.spark.sql.functions.col;

import io.olistlakehouse.contracts.BronzeStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The foreachBatch body: decode the batch once (cached), append each table's rows in one marked commit unless an
 * earlier attempt of this batch already did, then check that every record read was committed exactly once. Batches
 * run under a lock so that a stop request waits for the batch in flight to finish.
 */
public final class BatchLanding implements VoidFunction2<Dataset<Row>, Long> {

  private static final Logger LOG = LoggerFactory.getLogger(BatchLanding.class);

  private final IngestSettings settings;
  private final BronzeTables tables;
  private final ReentrantLock batchLock;
  private final Consumer<BatchReport> reports;

  public BatchLanding(IngestSettings settings, BronzeTables tables, ReentrantLock batchLock,
      Consumer<BatchReport> reports) {
    this.settings = settings;
    this.tables = tables;
    this.batchLock = batchLock;
    this.reports = reports;
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) throws Exception {
    batchLock.lockInterruptibly();
    try {
      reports.accept(land(batch, BatchMarker.ofBatch(batch, batchId)));
    } finally {
      batchLock.unlock();
    }
  }

  BatchReport land(Dataset<Row> batch, BatchMarker marker) throws Exception {
    long start = System.nanoTime();
    Dataset<Row> decoded = BatchFrames.decoded(batch, settings).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<TableIdentifier, Long> expected = routed(decoded);
      long read = expected.values().stream().mapToLong(Long::longValue).sum();
      LOG.info("batch {}: {} records decoded in {} ms", marker.batchId(), read,
          (System.nanoTime() - start) / 1_000_000);
      Map<TableIdentifier, Supplier<Dataset<Row>>> frames = frames(decoded);
      RecordBalance balance = new RecordBalance(read);
      Map<String, Long> committed = new TreeMap<>();
      List<String> alreadyCommitted = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(settings.writeParallelism());
      try {
        Map<TableIdentifier, Future<TableOutcome>> outcomes = new LinkedHashMap<>();
        frames.forEach((table, frame) -> outcomes.put(table,
            pool.submit(() -> landTable(table, frame, expected.getOrDefault(table, 0L), marker))));
        awaitAll(outcomes.values());
        for (Map.Entry<TableIdentifier, Future<TableOutcome>> e : outcomes.entrySet()) {
          TableOutcome outcome = get(e.getValue());
          String name = e.getKey().name();
          balance.expect(name, expected.getOrDefault(e.getKey(), 0L)).committed(name, outcome.committed());
          committed.put(name, outcome.committed());
          if (outcome.alreadyCommitted()) {
            alreadyCommitted.add(name);
          }
        }
      } finally {
        pool.shutdown();
      }
      balance.verify(marker);
      long deadLetters = committed.getOrDefault(BronzeTables.DEAD_LETTER, 0L);
      return new BatchReport(marker.batchId(), read, committed, deadLetters, alreadyCommitted,
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      decoded.unpersist();
    }
  }

  private record TableOutcome(long committed, boolean alreadyCommitted) {}

  /** Appends unless this batch is already in the table; returns what the table's snapshot of this batch added. */
  private TableOutcome landTable(TableIdentifier table, Supplier<Dataset<Row>> frame, long expected,
      BatchMarker marker) {
    Optional<Snapshot> earlier = CommittedBatches.find(tables.load(table), marker);
    if (earlier.isPresent()) {
      return new TableOutcome(CommittedBatches.addedRecords(earlier.get()), true);
    }
    if (expected == 0) {
      return new TableOutcome(0, false);
    }
    long start = System.nanoTime();
    MarkedAppend.append(frame.get(), tables.sparkName(table), marker);
    LOG.info("batch {}: {} records appended to {} in {} ms", marker.batchId(), expected, table,
        (System.nanoTime() - start) / 1_000_000);
    Snapshot mine = CommittedBatches.find(tables.load(table), marker).orElseThrow(() -> new IllegalStateException(
        "append to " + table + " returned, but no snapshot carries batch " + marker.batchId()));
    return new TableOutcome(CommittedBatches.addedRecords(mine), false);
  }

  /** Records per target table: a stream's table for decoded records, the dead-letter table for the rest. */
  private Map<TableIdentifier, Long> routed(Dataset<Row> decoded) {
    Map<TableIdentifier, Long> counts = new LinkedHashMap<>();
    List<Row> groups = decoded.groupBy(col(BronzeColumns.STREAM), col(BronzeColumns.REASON).isNull().as("ok"))
        .count().collectAsList();
    for (Row g : groups) {
      TableIdentifier table = g.getBoolean(1) ? tables.identifier(BronzeStream.fromName(g.getString(0)))
          : tables.deadLetter();
      counts.merge(table, g.getLong(2), Long::sum);
    }
    return counts;
  }

  private Map<TableIdentifier, Supplier<Dataset<Row>>> frames(Dataset<Row> decoded) {
    Map<TableIdentifier, Supplier<Dataset<Row>>> frames = new LinkedHashMap<>();
    for (BronzeStream stream : BronzeStream.values()) {
      frames.put(tables.identifier(stream), () -> BatchFrames.landed(decoded, stream));
    }
    frames.put(tables.deadLetter(), () -> BatchFrames.deadLetters(decoded));
    return frames;
  }

  /** Every write finishes (or fails) before the batch ends: none may outlive the cached rows it reads. */
  private static void awaitAll(Iterable<? extends Future<?>> futures) throws InterruptedException {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        // reported, in table order, by get() below
      }
    }
  }

  private static <T> T get(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
