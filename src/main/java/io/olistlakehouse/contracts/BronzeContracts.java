package io.olistlakehouse.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.Schema;

/** The Avro contracts of the bronze streams, read from the classpath ({@code schemas/avro/bronze/*.avsc}). */
public final class BronzeContracts {

  private static final Map<BronzeStream, Schema> SCHEMAS = new EnumMap<>(BronzeStream.class);

  private BronzeContracts() {}

  public static synchronized Schema schema(BronzeStream stream) {
    return SCHEMAS.computeIfAbsent(stream, BronzeContracts::load);
  }

  private static Schema load(BronzeStream stream) {
    String resource = "/schemas/avro/bronze/" + stream.streamName() + ".avsc";
    try (InputStream in = BronzeContracts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("contract " + resource + " is not on the classpath");
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read contract " + resource, e);
    }
  }
}
