package io.olistlakehouse.replay;

/**
 * When each event may be sent, as an offset from the moment publishing started. The offset may depend on the
 * event's time (history speed) or on its index (a fixed event rate), so new pacing modes are new implementations.
 */
public interface Pacer {

  /** Nanoseconds after the start at which event number {@code index}, with event time {@code eventTime}, is due. */
  long dueNanos(long index, long eventTime);

  /** As fast as possible: every event is due at once. */
  static Pacer max() {
    return (index, eventTime) -> 0L;
  }
}
