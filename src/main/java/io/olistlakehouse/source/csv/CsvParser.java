package io.olistlakehouse.source.csv;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A streaming RFC 4180 parser (comma separator): quoted fields, doubled quotes, quoted LF or CRLF newlines, a UTF-8
 * byte order mark, LF or CRLF line ends. Each record carries the physical line it starts on.
 *
 * <p>A broken quote (a quoted field still open after {@code maxLinesPerRecord} lines or at the end of the input,
 * text after a closing quote, a quote inside an unquoted field) yields a broken record naming the problem. Parsing
 * then resumes on the physical line right after the broken record's first line, so a stray quote costs one record,
 * not the rest of the file; the lines it had swallowed are parsed again as records of their own.
 *
 * <p>The first record (the header) fixes the width of the file. A record spanning several lines whose width differs
 * is also taken for a stray quote that a later quote happened to close, and is broken the same way. A one-line
 * record of the wrong width is returned as it is, for the caller to report the missing or extra column.
 */
public final class CsvParser implements Closeable {

  /** Olist review comments span at most a dozen lines; a field still open after this many is a stray quote. */
  public static final int DEFAULT_MAX_LINES_PER_RECORD = 100;

  private static final char QUOTE = '"';
  private static final char SEPARATOR = ',';
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final LineReader lines;
  private final int maxLinesPerRecord;
  private final Deque<PhysicalLine> replay = new ArrayDeque<>();
  private final List<String> fields = new ArrayList<>();
  private List<PhysicalLine> continuation;
  private int width = -1;

  public CsvParser(Reader in) {
    this(in, DEFAULT_MAX_LINES_PER_RECORD);
  }

  public CsvParser(Reader in, int maxLinesPerRecord) {
    if (maxLinesPerRecord < 1) {
      throw new IllegalArgumentException("maxLinesPerRecord must be at least 1, was " + maxLinesPerRecord);
    }
    this.lines = new LineReader(in);
    this.maxLinesPerRecord = maxLinesPerRecord;
  }

  /** A parser over a UTF-8 file (malformed bytes become U+FFFD, which callers can detect and reject). */
  public static CsvParser open(Path file) throws IOException {
    return over(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
  }

  /** A parser over a UTF-8 byte stream; closing the parser closes the stream. */
  public static CsvParser over(InputStream in) {
    return new CsvParser(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** The next record, or null at the end of the input. */
  public CsvRecord next() throws IOException {
    PhysicalLine first = nextLine();
    if (first == null) {
      return null;
    }
    fields.clear();
    continuation = null;
    String text = first.text();
    if (first.number() == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
      text = text.substring(1);
    }
    CsvRecord record = parse(first, text);
    if (width < 0 && !record.isBroken()) {
      width = record.fields().size();
    } else if (continuation != null && !record.isBroken() && record.fields().size() != width) {
      return broken(first, "record spans lines " + first.number() + ".."
          + continuation.get(continuation.size() - 1).number() + " and has " + record.fields().size()
          + " fields instead of " + width + " (unbalanced quote?)");
    }
    return record;
  }

  private CsvRecord parse(PhysicalLine first, String text) throws IOException {
    PhysicalLine current = first;
    int pos = 0;
    while (true) {
      int column = fields.size() + 1;
      if (pos < text.length() && text.charAt(pos) == QUOTE) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
          int quote = text.indexOf(QUOTE, pos);
          if (quote < 0) {
            value.append(text, pos, text.length()).append(current.terminator());
            PhysicalLine next = nextLine();
            if (next == null) {
              return broken(first, "unterminated quoted field in column " + column + " (end of file reached)");
            }
            continuationLines().add(next);
            if (continuation.size() >= maxLinesPerRecord) {
              return broken(first, "quoted field in column " + column + " is still open after "
                  + maxLinesPerRecord + " lines (unterminated quote?)");
            }
            current = next;
            text = next.text();
            pos = 0;
          } else if (quote + 1 < text.length() && text.charAt(quote + 1) == QUOTE) {
            value.append(text, pos, quote).append(QUOTE);
            pos = quote + 2;
          } else {
            value.append(text, pos, quote);
            pos = quote + 1;
            break;
          }
        }
        fields.add(value.toString());
        if (pos == text.length()) {
          return CsvRecord.of(first.number(), fields);
        }
        if (text.charAt(pos) != SEPARATOR) {
          return broken(first, "unexpected text after the closing quote of column " + column
              + " on line " + current.number() + ": '" + excerpt(text, pos) + "'");
        }
        pos++;
      } else {
        int end = pos;
        while (end < text.length()) {
          char c = text.charAt(end);
          if (c == SEPARATOR) {
            break;
          }
          if (c == QUOTE) {
            return broken(first, "quote inside the unquoted field of column " + column
                + " on line " + current.number() + " (fields with quotes must be quoted)");
          }
          end++;
        }
        fields.add(text.substring(pos, end));
        if (end == text.length()) {
          return CsvRecord.of(first.number(), fields);
        }
        pos = end + 1;
      }
    }
  }

  /** Reports the record and hands every line after its first back to the parser, so none is lost. */
  private CsvRecord broken(PhysicalLine first, String reason) {
    if (continuation != null) {
      for (int i = continuation.size() - 1; i >= 0; i--) {
        replay.addFirst(continuation.get(i));
      }
    }
    return CsvRecord.broken(first.number(), reason);
  }

  private List<PhysicalLine> continuationLines() {
    if (continuation == null) {
      continuation = new ArrayList<>();
    }
    return continuation;
  }

  private PhysicalLine nextLine() throws IOException {
    PhysicalLine replayed = replay.pollFirst();
    return replayed != null ? replayed : lines.next();
  }

  private static String excerpt(String text, int from) {
    int to = Math.min(text.length(), from + 20);
    return text.substring(from, to) + (to < text.length() ? "..." : "");
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
