package io.olistlakehouse.platform.process;

/** What {@code status} reports for one process. {@code rssKb} is -1 when the process is not running. */
public record ProcessStatus(String name, State state, long pid, int port, long rssKb) {

  public enum State {
    /** Running and accepting connections on its port. */
    HEALTHY,
    /** Running, but its port does not accept connections (starting, or stuck). */
    UNHEALTHY,
    STOPPED
  }

  public boolean healthy() {
    return state == State.HEALTHY;
  }
}
