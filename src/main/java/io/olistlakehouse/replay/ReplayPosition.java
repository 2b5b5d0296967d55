package io.olistlakehouse.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How far a replay of one source has committed: the number of events of its (deterministic) stream that are in
 * Kafka, the replay clock then, and whether the stream is complete. Stored as JSON in the position topic.
 */
public record ReplayPosition(String sourceFingerprint, String derivation, long events, long clock,
    boolean completed) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(JSON.createObjectNode()
          .put("source", sourceFingerprint)
          .put("derivation", derivation)
          .put("events", events)
          .put("clock", clock)
          .put("completed", completed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ReplayPosition fromJson(byte[] json) {
    try {
      JsonNode n = JSON.readTree(json);
      return new ReplayPosition(n.path("source").asText(), n.path("derivation").asText(),
          n.path("events").asLong(), n.path("clock").asLong(), n.path("completed").asBoolean());
    } catch (IOException e) {
      throw new ReplayException("unreadable replay position record: " + e.getMessage(), e);
    }
  }
}
