package io.olistlakehouse.source.olist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OlistValuesTest {

  @Test
  void idsAre32LowercaseHexDigits() {
    assertTrue(OlistValues.isId("0123456789abcdef0123456789abcdef"));
    assertFalse(OlistValues.isId("0123456789ABCDEF0123456789abcdef"));
    assertFalse(OlistValues.isId("0123456789abcdef0123456789abcde"));
    assertFalse(OlistValues.isId("0123456789abcdef0123456789abcdeg"));
  }

  @Test
  void timestampsMustBeRealDatesInTheDatasetFormat() {
    assertEquals(LocalDateTime.of(2017, 7, 9, 21, 57, 5), OlistValues.timestamp("2017-07-09 21:57:05"));
    assertNull(OlistValues.timestamp("2017-02-30 10:00:00"));
    assertNull(OlistValues.timestamp("2017-07-09T21:57:05"));
    assertNull(OlistValues.timestamp("2017-07-09 21:57"));
    assertNull(OlistValues.timestamp("2017-07-09 24:00:00"));
  }

  @Test
  void integersAcceptAWholeFloatButNothingElse() {
    assertEquals(40, OlistValues.integer("40"));
    assertEquals(40, OlistValues.integer("40.0"));
    assertEquals(-3, OlistValues.integer("-3"));
    assertNull(OlistValues.integer("40.5"));
    assertNull(OlistValues.integer("4o"));
    assertNull(OlistValues.integer("99999999999"));
    assertNull(OlistValues.integer(""));
  }

  @Test
  void coordinatesMayUseAnExponentButNotNanOrBlanks() {
    assertTrue(OlistValues.isDecimalNumber("-23.545621281152680"));
    assertTrue(OlistValues.isDecimalNumber("1.5e-05"));
    assertFalse(OlistValues.isDecimalNumber("NaN"));
    assertFalse(OlistValues.isDecimalNumber(" -23.5"));
    assertFalse(OlistValues.isDecimalNumber("1e"));
    assertFalse(OlistValues.isDecimalNumber("0x1p3"));
  }

  @Test
  void moneyHasScaleTwoAndRejectsMoreDecimalsOrNegatives() throws RejectedRow {
    OlistRow row = new OlistRow(OlistFile.ORDER_ITEMS, 7,
        List.of("", "", "", "", "", "99.9", "12.345"));
    assertEquals(new BigDecimal("99.90"), row.money(5));
    RejectedRow tooPrecise = assertThrows(RejectedRow.class, () -> row.money(6));
    assertEquals("freight_value '12.345' has more than 2 decimals", tooPrecise.getMessage());
    OlistRow negative = new OlistRow(OlistFile.ORDER_ITEMS, 8, List.of("", "", "", "", "", "-1.00", "1e3"));
    assertEquals("price '-1.00' is negative", assertThrows(RejectedRow.class, () -> negative.money(5)).getMessage());
    assertEquals("freight_value '1e3' is not a number",
        assertThrows(RejectedRow.class, () -> negative.money(6)).getMessage());
  }

  @Test
  void enumerationsNameTheAllowedValues() {
    OlistRow row = new OlistRow(OlistFile.ORDERS, 3, List.of("", "", "lost", "", "", "", "", ""));
    RejectedRow rejected = assertThrows(RejectedRow.class, () -> row.oneOf(2, OlistCodes.ORDER_STATUSES));
    assertEquals("order_status 'lost' is not one of approved, canceled, created, delivered, invoiced, processing,"
        + " shipped, unavailable", rejected.getMessage());
  }
}
