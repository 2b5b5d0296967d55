package io.olistlakehouse.source.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

  @Test
  void readsPlainRecordsWithTheirLines() throws IOException {
    List<CsvRecord> records = parse("a,b,c\n1,2,3\n");
    assertEquals(2, records.size());
    assertEquals(List.of("a", "b", "c"), records.get(0).fields());
    assertEquals(List.of("1", "2", "3"), records.get(1).fields());
    assertEquals(1, records.get(0).line());
    assertEquals(2, records.get(1).line());
  }

  @Test
  void keepsQuotedNewlinesAsWrittenAndCountsPhysicalLines() throws IOException {
    List<CsvRecord> records = parse("id,text\n1,\"first\nsecond\"\n2,\"crlf\r\ninside\"\r\n3,after\n");
    assertEquals(List.of("1", "first\nsecond"), records.get(1).fields());
    assertEquals(List.of("2", "crlf\r\ninside"), records.get(2).fields());
    assertEquals(List.of("3", "after"), records.get(3).fields());
    assertEquals(List.of(1L, 2L, 4L, 6L), lines(records));
  }

  @Test
  void unescapesDoubledQuotesAndKeepsSeparatorsInsideQuotes() throws IOException {
    CsvRecord record = parse("\"say \"\"hi\"\"\",\"a,b\",\"\"\"\"\n").get(0);
    assertEquals(List.of("say \"hi\"", "a,b", "\""), record.fields());
  }

  @Test
  void stripsTheByteOrderMarkOfTheFirstLineOnly() throws IOException {
    byte[] bytes = "\uFEFFname,value\n\uFEFFx,1\n".getBytes(StandardCharsets.UTF_8);
    try (CsvParser parser = CsvParser.over(new ByteArrayInputStream(bytes))) {
      assertEquals(List.of("name", "value"), parser.next().fields());
      assertEquals(List.of("\uFEFFx", "1"), parser.next().fields());
      assertNull(parser.next());
    }
  }

  @Test
  void handlesCrlfLineEndsAndALastLineWithoutTerminator() throws IOException {
    List<CsvRecord> records = parse("a,b\r\n1,2\r\n3,4");
    assertEquals(List.of(List.of("a", "b"), List.of("1", "2"), List.of("3", "4")), fields(records));
  }

  @Test
  void keepsEmptyFieldsQuotedOrNot() throws IOException {
    List<CsvRecord> records = parse(",,\n\"\",x,\n\n");
    assertEquals(List.of("", "", ""), records.get(0).fields());
    assertEquals(List.of("", "x", ""), records.get(1).fields());
    assertEquals(List.of(""), records.get(2).fields(), "a blank line is a record with one empty field");
    assertEquals(3, records.size());
  }

  @Test
  void textAfterAClosingQuoteBreaksOnlyThatRecord() throws IOException {
    List<CsvRecord> records = parse("a,b\n1,\"ok\"x\n2,fine\n");
    assertTrue(records.get(1).isBroken());
    assertEquals(2, records.get(1).line());
    assertTrue(records.get(1).error().contains("after the closing quote of column 2"), records.get(1).error());
    assertEquals(List.of("2", "fine"), records.get(2).fields());
  }

  @Test
  void quoteInsideAnUnquotedFieldIsReported() throws IOException {
    List<CsvRecord> records = parse("1,ab\"c\n2,d\n");
    assertTrue(records.get(0).isBroken());
    assertTrue(records.get(0).error().contains("quote inside the unquoted field of column 2"));
    assertEquals(List.of("2", "d"), records.get(1).fields());
  }

  @Test
  void unterminatedQuoteAtEndOfFileResumesAfterTheRecordsFirstLine() throws IOException {
    List<CsvRecord> records = parse("id,text\n1,\"never closed\n2,two\n3,three\n");
    assertTrue(records.get(1).isBroken());
    assertEquals(2, records.get(1).line());
    assertTrue(records.get(1).error().contains("end of file"), records.get(1).error());
    assertEquals(List.of(List.of("2", "two"), List.of("3", "three")), fields(records.subList(2, 4)));
    assertEquals(List.of(3L, 4L), lines(records.subList(2, 4)));
  }

  @Test
  void quotedFieldOpenTooLongIsRejectedAndTheFollowingLinesAreRead() throws IOException {
    StringBuilder text = new StringBuilder("1,\"stray\n");
    for (int i = 2; i <= 10; i++) {
      text.append(i).append(",row").append(i).append('\n');
    }
    text.append("11,\"closes the stray\"\n");
    List<CsvRecord> records;
    try (CsvParser parser = new CsvParser(new StringReader(text.toString()), 5)) {
      records = readAll(parser);
    }
    assertTrue(records.get(0).isBroken());
    assertTrue(records.get(0).error().contains("still open after 5 lines"), records.get(0).error());
    for (int i = 2; i <= 10; i++) {
      CsvRecord record = records.get(i - 1);
      assertFalse(record.isBroken(), record.toString());
      assertEquals(i, record.line());
      assertEquals(List.of(String.valueOf(i), "row" + i), record.fields());
    }
    assertEquals(List.of("11", "closes the stray"), records.get(10).fields());
    assertEquals(11, records.size());
  }

  @Test
  void strayQuoteClosedByALaterLineIsBrokenWhenTheWidthIsWrong() throws IOException {
    List<CsvRecord> records = parse("a,b\n1,\"stray\n2,\",c\n3,d\n");
    assertTrue(records.get(1).isBroken());
    assertEquals(2, records.get(1).line());
    assertTrue(records.get(1).error().contains("spans lines 2..3 and has 3 fields instead of 2"),
        records.get(1).error());
    assertTrue(records.get(2).isBroken(), "line 3 holds the closing quote, now stray");
    assertEquals(3, records.get(2).line());
    assertEquals(List.of("3", "d"), records.get(3).fields());
    assertEquals(4, records.get(3).line());
  }

  @Test
  void aLongQuotedFieldWithinTheLimitIsKept() throws IOException {
    try (CsvParser parser = new CsvParser(new StringReader("\"a\nb\nc\",x\n"), 3)) {
      assertEquals(List.of("a\nb\nc", "x"), parser.next().fields());
      assertNull(parser.next());
    }
  }

  @Test
  void readsLinesLongerThanTheBuffer() throws IOException {
    String big = "x".repeat(200_000);
    List<CsvRecord> records = parse(big + ",\"" + big + "\"\nend\n");
    assertEquals(List.of(big, big), records.get(0).fields());
    assertEquals(List.of("end"), records.get(1).fields());
  }

  private static List<CsvRecord> parse(String text) throws IOException {
    try (CsvParser parser = new CsvParser(new StringReader(text))) {
      return readAll(parser);
    }
  }

  private static List<CsvRecord> readAll(CsvParser parser) throws IOException {
    List<CsvRecord> records = new ArrayList<>();
    CsvRecord record;
    while ((record = parser.next()) != null) {
      records.add(record);
    }
    return records;
  }

  private static List<Long> lines(List<CsvRecord> records) {
    return records.stream().map(CsvRecord::line).toList();
  }

  private static List<List<String>> fields(List<CsvRecord> records) {
    return records.stream().map(CsvRecord::fields).toList();
  }
}
