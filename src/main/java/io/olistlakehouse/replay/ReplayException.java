package io.olistlakehouse.replay;

/** The replay stopped: the message says why and what state the topics are in. */
public class ReplayException extends RuntimeException {

  public ReplayException(String message) {
    super(message);
  }

  public ReplayException(String message, Throwable cause) {
    super(message, cause);
  }
}
