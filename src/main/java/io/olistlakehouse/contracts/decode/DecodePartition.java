package io.olistlakehouse.contracts.decode;

import io.olistlakehouse.contracts.BronzeTopics;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.function.Function;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The speed layer's decoding step, run in Spark tasks: one {@link BronzeColumns#DECODED} row out for every Kafka row
 * in ({@link KafkaCoordinates#SOURCE_COLUMNS}). One output per input is what lets a batch count records read from
 * its decoded rows.
 */
public final class DecodePartition implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final String registryUrl;
  private final BronzeTopics topics;

  public DecodePartition(String registryUrl, BronzeTopics topics) {
    this.registryUrl = registryUrl;
    this.topics = topics;
  }

  /** A batch's Kafka rows decoded into their contracts' binary, which the speed layer reads with from_avro. */
  public static Dataset<Row> decoded(Dataset<Row> kafka, String registryUrl, BronzeTopics topics) {
    return kafka.selectExpr(KafkaCoordinates.SOURCE_COLUMNS)
        .mapPartitions(new DecodePartition(registryUrl, topics), Encoders.row(BronzeColumns.DECODED));
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    RecordDecoder decoder = JvmDecoders.forThread(registryUrl, topics);
    return oneForOne(input, kafka -> decode(decoder, kafka));
  }

  /** Each input converted as it is asked for: exactly one output per input, which the batch's counts rely on. */
  static <A, B> Iterator<B> oneForOne(Iterator<A> input, Function<A, B> convert) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return input.hasNext();
      }

      @Override
      public B next() {
        return convert.apply(input.next());
      }
    };
  }

  static Row decode(RecordDecoder decoder, Row kafka) {
    byte[] key = KafkaCoordinates.key(kafka);
    byte[] value = KafkaCoordinates.value(kafka);
    KafkaCoordinates at = KafkaCoordinates.of(kafka);
    DecodeResult<byte[]> r = decoder.decode(at.topic(), key, value);
    String stream = r.stream() == null ? null : r.stream().streamName();
    Timestamp timestamp = new Timestamp(at.timestampMillis());
    if (r.isDeadLetter()) {
      return RowFactory.create(stream, at.topic(), at.partition(), at.offset(), timestamp, key, value, r.schemaId(),
          r.reason().name(), r.errorClass(), r.errorMessage(), null);
    }
    return RowFactory.create(stream, at.topic(), at.partition(), at.offset(), timestamp, null, null, r.schemaId(),
        null, null, null, r.encoded());
  }
}
