package io.olistlakehouse.bronze;

import io.olistlakehouse.bronze.TableRowEncoder.EncodedRow;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.decode.DecodeResult;
import io.olistlakehouse.contracts.decode.KafkaCoordinates;
import io.olistlakehouse.contracts.decode.ReaderSchemas;
import io.olistlakehouse.contracts.decode.RecordDecoder;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.Table;

/**
 * One task's decoding of Kafka records into table rows: every record becomes exactly one encoded row, of its stream's
 * table or of the dead-letter table. Records are decoded once, straight into table rows (Iceberg's Avro encoding of
 * the table), which the writer appends as they are. Table encoders are made when a table first gets a row. Not
 * thread-safe: one per task.
 */
final class RowEncoding {

  private final RecordDecoder decoder;
  private final ReaderSchemas readers;
  private final Map<String, Table> tables;
  private final Map<BronzeStream, StreamRowEncoder> streamRows = new EnumMap<>(BronzeStream.class);
  private TableRowEncoder deadLetterRows;
  private final Map<String, Long> deadLetterReasons = new TreeMap<>();

  /**
   * @param readers what the decoder resolves each stream's records into
   * @param tables the bronze tables by name (a stream's, or {@link BronzeTables#DEAD_LETTER})
   */
  RowEncoding(RecordDecoder decoder, ReaderSchemas readers, Map<String, Table> tables) {
    this.decoder = decoder;
    this.readers = readers;
    this.tables = tables;
  }

  EncodedRow encode(byte[] key, byte[] value, KafkaCoordinates at) {
    DecodeResult<EncodedRow> r = decoder.decode(at.topic(), key, value,
        (stream, resolved) -> rows(stream).encode(resolved, at));
    if (!r.isDeadLetter()) {
      return r.encoded();
    }
    deadLetterReasons.merge(r.reason().name(), 1L, Long::sum);
    Table deadLetters = table(BronzeTables.DEAD_LETTER);
    if (deadLetterRows == null) {
      deadLetterRows = new TableRowEncoder(BronzeTables.DEAD_LETTER, deadLetters);
    }
    return deadLetterRows.encode(DeadLetterRecords.deadLetter(deadLetters.schema(), at, key, value, r));
  }

  /** The dead letters encoded so far, by reason. */
  Map<String, Long> deadLetterReasons() {
    return Map.copyOf(deadLetterReasons);
  }

  private StreamRowEncoder rows(BronzeStream stream) {
    return streamRows.computeIfAbsent(stream, s -> new StreamRowEncoder(s, readers.schema(s), table(s.streamName())));
  }

  private Table table(String name) {
    Table table = tables.get(name);
    if (table == null) {
      throw new IllegalStateException("no bronze table '" + name + "' among " + tables.keySet());
    }
    return table;
  }
}
