package io.olistlakehouse.source.olist;

import io.olistlakehouse.source.Rejections;
import io.olistlakehouse.source.csv.CsvParser;
import io.olistlakehouse.source.csv.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * Reads one Olist file: checks its header, turns every record that is broken, has the wrong number of columns or
 * fails the row handler into a rejection, and hands the others to the handler. Every byte read also goes into the
 * dataset's digest.
 */
final class OlistTableReader {

  /** Maps one valid-looking row to the model; throws {@link RejectedRow} to reject it. */
  interface RowHandler {
    void accept(OlistRow row) throws RejectedRow;
  }

  private static final char REPLACEMENT_CHARACTER = '\uFFFD';

  private final Path dir;
  private final MessageDigest digest;
  private final Rejections rejections;

  OlistTableReader(Path dir, MessageDigest digest, Rejections rejections) {
    this.dir = dir;
    this.digest = digest;
    this.rejections = rejections;
  }

  void read(OlistFile file, RowHandler handler) throws IOException {
    Path path = dir.resolve(file.fileName());
    InputStream bytes = new DigestInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16), digest);
    try (CsvParser parser = CsvParser.over(bytes)) {
      checkHeader(file, parser.next());
      CsvRecord record;
      while ((record = parser.next()) != null) {
        String problem = problemOf(file, record);
        if (problem == null) {
          try {
            handler.accept(new OlistRow(file, record.line(), record.fields()));
          } catch (RejectedRow rejected) {
            problem = rejected.getMessage();
          }
        }
        if (problem != null) {
          rejections.add(file.fileName(), record.line(), problem);
        }
      }
    }
  }

  private void checkHeader(OlistFile file, CsvRecord header) throws OlistDataException {
    if (header == null) {
      throw new OlistDataException(file.fileName() + " in " + dir + " is empty; expected the header "
          + file.columns());
    }
    if (header.isBroken()) {
      throw new OlistDataException(file.fileName() + " in " + dir + ": the header line cannot be parsed ("
          + header.error() + "); expected " + file.columns());
    }
    if (!header.fields().equals(file.columns())) {
      throw new OlistDataException(file.fileName() + " in " + dir + " has an unexpected header: expected "
          + file.columns() + " but found " + header.fields());
    }
  }

  /** Why the record cannot even be mapped, or null. */
  private static String problemOf(OlistFile file, CsvRecord record) {
    if (record.isBroken()) {
      return record.error();
    }
    List<String> fields = record.fields();
    int expected = file.columns().size();
    if (fields.size() == 1 && fields.get(0).isEmpty()) {
      return "blank line";
    }
    if (fields.size() != expected) {
      return (fields.size() < expected ? "missing column: " : "extra column: ") + "expected " + expected
          + " columns " + file.columns() + " but found " + fields.size();
    }
    for (int i = 0; i < expected; i++) {
      if (fields.get(i).indexOf(REPLACEMENT_CHARACTER) >= 0) {
        return file.column(i) + " contains bytes that are not valid UTF-8";
      }
    }
    return null;
  }
}
