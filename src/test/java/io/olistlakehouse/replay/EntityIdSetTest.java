package io.olistlakehouse.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityIdSetTest {

  @Test
  void behavesLikeASetOfStringsForHexAndOtherIds() {
    EntityIdSet set = new EntityIdSet();
    Set<String> reference = new HashSet<>();
    Random random = new Random(1);
    for (int i = 0; i < 50_000; i++) {
      String id = switch (random.nextInt(5)) {
        case 0 -> String.format("%05d", random.nextInt(2_000));
        case 1 -> Integer.toString(random.nextInt(20_000_000)).substring(random.nextInt(3));
        case 2 -> String.format("%032x", random.nextInt(10_000)).toUpperCase();
        default -> String.format("%016x%016x", random.nextLong() & 0xff, random.nextInt(20_000));
      };
      assertEquals(reference.add(id), set.add(id), id);
    }
    assertEquals(reference.size(), set.size());
  }

  @Test
  void theAllZeroIdAndCaseAreKeptApart() {
    EntityIdSet set = new EntityIdSet();
    String zero = "0".repeat(32);
    assertTrue(set.add(zero));
    assertFalse(set.add(zero));
    assertTrue(set.add("ab".repeat(16)));
    assertTrue(set.add("AB".repeat(16)), "upper case is another id");
    assertEquals(3, set.size());
  }

  @Test
  void leadingZerosMakeAnotherShortNumber() {
    EntityIdSet set = new EntityIdSet();
    assertTrue(set.add("100"));
    assertTrue(set.add("0100"));
    assertTrue(set.add("00100"));
    assertFalse(set.add("0100"));
    assertTrue(set.add("0"));
    assertTrue(set.add("00"));
    assertTrue(set.add("999999"));
    assertTrue(set.add("1000000"), "seven digits is a String id");
    assertFalse(set.add("1000000"));
    assertEquals(7, set.size());
  }
}
