package io.olistlakehouse.source.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into physical lines at LF or CRLF. A lone CR is data: RFC 4180 ends lines with CRLF,
 * and LF alone is accepted because most tools write it.
 */
final class LineReader implements Closeable {

  private static final int BUFFER_CHARS = 1 << 16;

  private final Reader in;
  private final char[] buffer = new char[BUFFER_CHARS];
  private int position;
  private int limit;
  private long lineNumber;
  private boolean endOfInput;

  LineReader(Reader in) {
    this.in = in;
  }

  /** The next line, or null at the end of the input. */
  PhysicalLine next() throws IOException {
    StringBuilder spill = null;
    while (true) {
      if (position == limit && !fill()) {
        if (spill == null || spill.length() == 0) {
          return null;
        }
        return new PhysicalLine(++lineNumber, spill.toString(), "");
      }
      int newline = indexOfNewline();
      if (newline >= 0) {
        String text;
        if (spill == null) {
          text = new String(buffer, position, newline - position);
        } else {
          text = spill.append(buffer, position, newline - position).toString();
        }
        position = newline + 1;
        return terminated(text);
      }
      if (spill == null) {
        spill = new StringBuilder(2 * (limit - position) + 16);
      }
      spill.append(buffer, position, limit - position);
      position = limit;
    }
  }

  private PhysicalLine terminated(String text) {
    if (!text.isEmpty() && text.charAt(text.length() - 1) == '\r') {
      return new PhysicalLine(++lineNumber, text.substring(0, text.length() - 1), "\r\n");
    }
    return new PhysicalLine(++lineNumber, text, "\n");
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int read = in.read(buffer, 0, buffer.length);
    if (read <= 0) {
      endOfInput = true;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
