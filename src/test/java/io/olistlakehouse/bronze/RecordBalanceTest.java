package io.olistlakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.streaming.MicroBatchMarker;
import org.junit.jupiter.api.Test;

/** The counting invariant: decoded + dead-lettered = read, checked against what was committed. */
class RecordBalanceTest {

  private static final MicroBatchMarker BATCH = new MicroBatchMarker("q", 12);

  private static RecordBalance balanced() {
    return new RecordBalance(10).expect("payment", 6).expect("order_item", 3).expect("dead_letter", 1);
  }

  @Test
  void everyRecordCommittedOnceBalances() {
    RecordBalance b = balanced().committed("payment", 6).committed("order_item", 3).committed("dead_letter", 1);
    assertDoesNotThrow(() -> b.verify(BATCH));
    assertEquals(10, b.totalCommitted());
  }

  @Test
  void aTableWithoutItsCommitFails() {
    RecordBalance b = balanced().committed("payment", 6).committed("dead_letter", 1);
    String message = assertThrows(IllegalStateException.class, () -> b.verify(BATCH)).getMessage();
    assertTrue(message.contains("batch 12 of query q does not balance"), message);
    assertTrue(message.contains("order_item: expected 3 records, committed 0"), message);
    assertTrue(message.contains("committed 7 records (landed + dead letters) for 10 read"), message);
  }

  @Test
  void aDoubledCommitFails() {
    RecordBalance b = balanced().committed("payment", 12).committed("order_item", 3).committed("dead_letter", 1);
    String message = assertThrows(IllegalStateException.class, () -> b.verify(BATCH)).getMessage();
    assertTrue(message.contains("payment: expected 6 records, committed 12"), message);
  }

  @Test
  void recordsDecodingDidNotRouteFail() {
    RecordBalance b = new RecordBalance(10).expect("payment", 9).committed("payment", 9);
    String message = assertThrows(IllegalStateException.class, () -> b.verify(BATCH)).getMessage();
    assertTrue(message.contains("decoding routed 9 of 10 records read"), message);
  }

  @Test
  void aCommitNobodyExpectedFails() {
    RecordBalance b = balanced().committed("payment", 6).committed("order_item", 3).committed("dead_letter", 1)
        .committed("seller", 2);
    String message = assertThrows(IllegalStateException.class, () -> b.verify(BATCH)).getMessage();
    assertTrue(message.contains("seller: expected 0 records, committed 2"), message);
  }

  @Test
  void anEmptyBatchBalances() {
    assertDoesNotThrow(() -> new RecordBalance(0).verify(BATCH));
  }
}
