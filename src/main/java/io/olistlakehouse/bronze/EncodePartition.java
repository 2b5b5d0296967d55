package io.olistlakehouse.bronze;

import io.olistlakehouse.bronze.TableRowEncoder.EncodedRow;
import io.olistlakehouse.contracts.BronzeStream;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The decoding step of the ingest, run in Spark tasks: every Kafka row (of
 * {@link KafkaCoordinates#SOURCE_COLUMNS}) becomes one encoded row of the table it lands in, its stream's or the
 * dead-letter table. One output per input is what lets the batch count records read from the rows it writes.
 * Records are decoded once, straight into table rows: nothing is decoded again where the files are written.
 */
final class EncodePartition implements MapPartitionsFunction<Row, Row> {

  static final String TABLE = "table_name";
  static final String PARTITION = "partition_path";
  static final String ROW = "row_avro";
  static final StructType ENCODED = new StructType()
      .add(TABLE, DataTypes.StringType, false)
      .add(PARTITION, DataTypes.StringType, false)
      .add(ROW, DataTypes.BinaryType, false);

  private static final long serialVersionUID = 1L;

  private final String registryUrl;
  private final BronzeTopics topics;
  private final Map<String, Table> tables;

  /** @param tables the bronze tables by name (a stream's, or {@link BronzeTables#DEAD_LETTER}); serializable copies */
  EncodePartition(String registryUrl, BronzeTopics topics, Map<String, Table> tables) {
    this.registryUrl = registryUrl;
    this.topics = topics;
    this.tables = Map.copyOf(tables);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    RowEncoding encoding = new RowEncoding(JvmDecoders.forThread(registryUrl, topics), tables);
    return DecodePartition.oneForOne(input, kafka -> {
      EncodedRow encoded = encoding.encode(kafka);
      return RowFactory.create(encoded.table(), encoded.partitionPath(), encoded.row());
    });
  }

  /** One task's decoder and table encoders (made when a table first gets a row). */
  static final class RowEncoding {

    private final RecordDecoder decoder;
    private final Map<String, Table> tables;
    private final Map<BronzeStream, TableRowEncoder> streamRows = new EnumMap<>(BronzeStream.class);
    private final Map<BronzeStream, TableRecords> streamRecords = new EnumMap<>(BronzeStream.class);
    private TableRowEncoder deadLetterRows;

    RowEncoding(RecordDecoder decoder, Map<String, Table> tables) {
      this.decoder = decoder;
      this.tables = tables;
    }

    EncodedRow encode(Row kafka) {
      byte[] key = KafkaCoordinates.key(kafka);
      byte[] value = KafkaCoordinates.value(kafka);
      KafkaCoordinates at = KafkaCoordinates.of(kafka);
      DecodeResult<EncodedRow> r = decoder.decode(at.topic(), key, value,
          (stream, resolved) -> rows(stream).encode(records(stream).toRecord(resolved, at)));
      if (!r.isDeadLetter()) {
        return r.encoded();
      }
      Table deadLetters = table(BronzeTables.DEAD_LETTER);
      if (deadLetterRows == null) {
        deadLetterRows = new TableRowEncoder(BronzeTables.DEAD_LETTER, deadLetters);
      }
      return deadLetterRows.encode(TableRecords.deadLetter(deadLetters.schema(), at, key, value, r));
    }

    private TableRowEncoder rows(BronzeStream stream) {
      return streamRows.computeIfAbsent(stream, s -> new TableRowEncoder(s.streamName(), table(s.streamName())));
    }

    private TableRecords records(BronzeStream stream) {
      return streamRecords.computeIfAbsent(stream,
          s -> TableRecords.forStream(s, table(s.streamName()).schema()));
    }

    private Table table(String name) {
      Table table = tables.get(name);
      if (table == null) {
        throw new IllegalStateException("no bronze table '" + name + "' among " + tables.keySet());
      }
      return table;
    }
  }
}
