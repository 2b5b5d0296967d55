package io.olistlakehouse.bronze;

import io.olistlakehouse.contracts.decode.JvmDecoders;
import io.olistlakehouse.contracts.decode.KafkaCoordinates;
import io.olistlakehouse.contracts.decode.ReaderSchemas;
import io.olistlakehouse.streaming.CommittedMicroBatches;
import io.olistlakehouse.streaming.MarkedAppend;
import io.olistlakehouse.streaming.MicroBatchMarker;
import io.olistlakehouse.streaming.MicroBatchSink;
import io.olistlakehouse.streaming.TableCommits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.SerializableTable;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Lands a micro-batch in the bronze tables. First each stream table gets a column for every field a newer registered
 * version of its contract added ({@link ReaderSchemas}), and the tables that already hold the batch (an earlier
 * attempt committed there) are found; then one Spark job, with a task per topic (or share of a large topic), decodes
 * the micro-batch into table rows and writes every other table's data files; then each table gets one commit marked
 * with the micro-batch; finally every record read must be in exactly one commit.
 */
public final class IngestSink implements MicroBatchSink<IngestMicroBatchReport> {

  private final IngestSettings settings;
  private final BronzeTables tables;

  public IngestSink(IngestSettings settings, BronzeTables tables) {
    this.settings = settings;
    this.tables = tables;
  }

  @Override
  public void prepare() {
    tables.ensureAll();
  }

  @Override
  public IngestMicroBatchReport write(Dataset<Row> batch, MicroBatchMarker marker) throws Exception {
    long start = System.nanoTime();
    // Read after the batch's offsets were fixed: every schema its records were written with is registered by now.
    ReaderSchemas readers = ReaderSchemas.latest(JvmDecoders.client(settings.stream().registryUrl()),
        settings.topics());
    tables.addColumns(readers);
    Map<String, Table> current = new LinkedHashMap<>();
    Map<String, Snapshot> earlier = new TreeMap<>();
    for (TableIdentifier id : tables.all()) {
      Table table = tables.load(id);
      current.put(id.name(), table);
      CommittedMicroBatches.find(table, marker).ifPresent(snapshot -> earlier.put(id.name(), snapshot));
    }
    Map<String, Table> serializable = new LinkedHashMap<>();
    current.forEach((name, table) -> serializable.put(name, SerializableTable.copyOf(table)));
    String operationId = marker.batchId() + "-" + UUID.randomUUID();
    List<WrittenFiles> tasks = TopicGroups.of(batch.selectExpr(KafkaCoordinates.SOURCE_COLUMNS))
        .mapPartitions(new LandTopicGroup(settings.stream().registryUrl(), settings.topics(), readers, serializable,
            earlier.keySet(), operationId)).collect();

    Map<String, Long> expected = new TreeMap<>();
    Map<String, List<DataFile>> files = new TreeMap<>();
    Map<String, Long> deadLetterReasons = new TreeMap<>();
    for (WrittenFiles w : tasks) {
      w.reasons().forEach((reason, n) -> deadLetterReasons.merge(reason, n, Long::sum));
      expected.merge(w.table(), w.rows(), Long::sum);
      files.computeIfAbsent(w.table(), t -> new ArrayList<>()).addAll(w.files());
    }
    long read = expected.values().stream().mapToLong(Long::longValue).sum();
    int dataFiles = files.values().stream().mapToInt(List::size).sum();
    long written = System.nanoTime();

    RecordBalance balance = new RecordBalance(read);
    Map<String, Long> committed = new TreeMap<>();
    Map<String, Callable<Long>> commits = new LinkedHashMap<>();
    for (Map.Entry<String, Table> e : current.entrySet()) {
      List<DataFile> mine = files.getOrDefault(e.getKey(), List.of());
      Optional<Snapshot> before = Optional.ofNullable(earlier.get(e.getKey()));
      commits.put(e.getKey(), () -> commit(e.getValue(), mine, before, marker));
    }
    TableCommits.runAll(settings.writeParallelism(), commits).forEach((table, added) -> {
      balance.expect(table, expected.getOrDefault(table, 0L)).committed(table, added);
      committed.put(table, added);
    });
    balance.verify(marker);
    long deadLetters = committed.getOrDefault(BronzeTables.DEAD_LETTER, 0L);
    long end = System.nanoTime();
    return new IngestMicroBatchReport(marker.batchId(), read, committed, deadLetters, deadLetterReasons,
        List.copyOf(earlier.keySet()), dataFiles, Duration.ofNanos(written - start), Duration.ofNanos(end - written),
        Duration.ofNanos(end - start));
  }

  /** Commits the files unless the table holds the batch already; returns what the table's snapshot of it added. */
  private static long commit(Table table, List<DataFile> files, Optional<Snapshot> earlier, MicroBatchMarker marker) {
    if (earlier.isPresent()) {
      return CommittedMicroBatches.addedRecords(earlier.get());
    }
    if (files.isEmpty()) {
      return 0;
    }
    MarkedAppend.commit(table, files, marker);
    Snapshot mine = CommittedMicroBatches.find(table, marker).orElseThrow(() -> new IllegalStateException(
        "commit to " + table.name() + " returned, but no snapshot carries batch " + marker.batchId()));
    return CommittedMicroBatches.addedRecords(mine);
  }
}
