package io.olistlakehouse.contracts.decode;

/** A record bronze refuses for a reason of its own (no key, no value, a value outside the contract). */
public class RejectedRecordException extends RuntimeException {

  private final DeadLetterReason reason;

  public RejectedRecordException(DeadLetterReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public RejectedRecordException(DeadLetterReason reason, String message) {
    this(reason, message, null);
  }

  public DeadLetterReason reason() {
    return reason;
  }
}
