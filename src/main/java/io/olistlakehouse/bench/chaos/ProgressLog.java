package io.olistlakehouse.bench.chaos;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** A job's log read from an offset on: has the run that started after a fault written a progress line yet? */
final class ProgressLog {

  private final Path log;
  private final long from;

  private ProgressLog(Path log, long from) {
    this.log = log;
    this.from = from;
  }

  /** Everything written from now on. */
  static ProgressLog fromEnd(Path log) {
    try {
      return new ProgressLog(log, Files.exists(log) ? Files.size(log) : 0);
    } catch (IOException e) {
      return new ProgressLog(log, 0);
    }
  }

  /** Everything the log holds. */
  static ProgressLog fromStart(Path log) {
    return new ProgressLog(log, 0);
  }

  boolean shows(Pattern progress) {
    return progress.matcher(written()).find();
  }

  String written() {
    if (!Files.exists(log)) {
      return "";
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      if (length <= from) {
        return "";
      }
      byte[] bytes = new byte[(int) Math.min(length - from, Integer.MAX_VALUE - 8)];
      file.seek(from);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last lines written since the offset, for an error message. */
  String tail(int lines) {
    String[] all = written().split("\n");
    StringBuilder out = new StringBuilder();
    for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
      out.append(all[i]).append('\n');
    }
    return out.toString();
  }
}
