package io.olistlakehouse.platform.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON form of {@link SchemaRecord}s in the schema log. */
public final class SchemaRecordCodec {

  // Unknown properties are ignored so an older registry can still replay a log written by a newer one.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private SchemaRecordCodec() {
  }

  public static byte[] encode(SchemaRecord record) {
    try {
      return MAPPER.writeValueAsBytes(record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode schema log record " + record, e);
    }
  }

  public static SchemaRecord decode(byte[] json) {
    try {
      return MAPPER.readValue(json, SchemaRecord.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a schema log record: " + e.getMessage(), e);
    }
  }
}
