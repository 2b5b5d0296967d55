package io.olistlakehouse.source;

/** A source row that was not used: which file, which line (1-based, of the row's first physical line), and why. */
public record Rejection(String file, long line, String reason) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}
