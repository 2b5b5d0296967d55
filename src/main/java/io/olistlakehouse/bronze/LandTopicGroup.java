package io.olistlakehouse.bronze;

import io.olistlakehouse.bronze.TableRowEncoder.EncodedRow;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.contracts.decode.JvmDecoders;
import io.olistlakehouse.contracts.decode.KafkaCoordinates;
import io.olistlakehouse.contracts.decode.ReaderSchemas;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Table;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The landing of a batch, run in Spark tasks, one per {@link TopicGroups group} of Kafka partitions: each Kafka row
 * (of {@link KafkaCoordinates#SOURCE_COLUMNS}) is decoded into a row of its table, its stream's or the dead-letter
 * table, and written to that table's file of its partition. Each task reports per table the rows it read for the table
 * and the files it wrote; the driver commits them. A task that fails deletes what it wrote, so a retried task leaves
 * no stray files behind.
 */
final class LandTopicGroup implements FlatMapFunction<Iterator<InternalRow>, WrittenFiles> {

  private static final long serialVersionUID = 1L;

  private final String registryUrl;
  private final BronzeTopics topics;
  private final ReaderSchemas readers;
  private final Map<String, Table> tables;
  private final Set<String> alreadyCommitted;
  private final String operationId;

  /**
   * @param readers what each stream's records are read into; the tables have a column for each of their fields
   * @param tables serializable copies of the bronze tables by name (a stream's, or {@link BronzeTables#DEAD_LETTER})
   * @param alreadyCommitted tables that hold this batch already: their rows are counted, not written again
   * @param operationId unique per attempt of a batch, part of every file name
   */
  LandTopicGroup(String registryUrl, BronzeTopics topics, ReaderSchemas readers, Map<String, Table> tables,
      Set<String> alreadyCommitted, String operationId) {
    this.registryUrl = registryUrl;
    this.topics = topics;
    this.readers = readers;
    this.tables = Map.copyOf(tables);
    this.alreadyCommitted = Set.copyOf(alreadyCommitted);
    this.operationId = operationId;
  }

  @Override
  public Iterator<WrittenFiles> call(Iterator<InternalRow> rows) throws Exception {
    TaskContext task = TaskContext.get();
    RowEncoding encoding = new RowEncoding(JvmDecoders.forThread(registryUrl, topics, readers), readers, tables);
    KafkaCoordinates.Reader kafka = new KafkaCoordinates.Reader();
    Map<String, TableFileWriter> writers = new LinkedHashMap<>();
    try {
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        EncodedRow encoded = encoding.encode(KafkaCoordinates.key(row), KafkaCoordinates.value(row), kafka.of(row));
        TableFileWriter writer = writers.get(encoded.table());
        if (writer == null) {
          writer = new TableFileWriter(encoded.table(), tables.get(encoded.table()),
              alreadyCommitted.contains(encoded.table()), task.partitionId(), task.taskAttemptId(), operationId);
          writers.put(encoded.table(), writer);
        }
        writer.write(encoded.partitionPath(), encoded.row());
      }
      List<WrittenFiles> results = new ArrayList<>();
      for (TableFileWriter w : writers.values()) {
        WrittenFiles written = w.finish();
        results.add(w.name().equals(BronzeTables.DEAD_LETTER)
            ? written.withReasons(encoding.deadLetterReasons()) : written);
      }
      return results.iterator();
    } catch (Exception e) {
      writers.values().forEach(TableFileWriter::abort);
      throw e;
    } finally {
      // Each task deserializes its own copies of the tables, and with them its own S3 clients: close them.
      tables.values().forEach(t -> t.io().close());
    }
  }
}
