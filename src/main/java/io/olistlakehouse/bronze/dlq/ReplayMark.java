package io.olistlakehouse.bronze.dlq;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * That a dead letter was replayed: when, which attempt of its record that was (1 for a letter of an original
 * record), and where its bytes went. Kept in a compacted topic under the letter's id, written in the same Kafka
 * transaction as the bytes themselves.
 */
public record ReplayMark(String letter, long replayedAtMillis, int attempt, String topic, int partition,
    long offset) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the replayed record is: a dead letter there is this letter's next attempt. */
  public String replayId() {
    return DeadLetter.id(topic, partition, offset);
  }

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReplayMark fromJson(byte[] json) {
    try {
      return JSON.readValue(json, ReplayMark.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a replay mark: " + new String(json, StandardCharsets.UTF_8),
          e);
    }
  }
}
