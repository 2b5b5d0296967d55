package io.olistlakehouse.speed;

import java.io.Serializable;
import java.util.List;

/**
 * Tumbling event-time windows of the KPIs and their lateness rule, written once: a window is open (its row is still
 * corrected) until the watermark passes its end plus the allowed lateness; an event for a closed window is late.
 */
public record KpiWindows(long windowMs, long allowedLatenessMs) implements Serializable {

  /** Payment types with their own column in kpi_minute; any other type counts in payments_other. */
  public static final List<String> PAYMENT_TYPES = List.of("credit_card", "boleto", "voucher", "debit_card");

  public KpiWindows {
    if (windowMs <= 0 || allowedLatenessMs < 0) {
      throw new IllegalArgumentException("window must be positive and lateness not negative");
    }
  }

  public long start(long eventTime) {
    return Math.floorDiv(eventTime, windowMs) * windowMs;
  }

  public long end(long eventTime) {
    return start(eventTime) + windowMs;
  }

  public boolean closed(long eventTime, long watermark) {
    return end(eventTime) + allowedLatenessMs <= watermark;
  }
}
