package io.olistlakehouse.replay;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids of master entities already published. Olist ids are 32 lowercase hex digits: those are kept as two longs
 * in an open-addressing table (about 32 bytes each instead of ~100 as Strings), since this set grows with the data
 * set while everything else the replayer holds is bounded by the orders in flight. Zip prefixes, looked up for every
 * order, are bits; other ids are few and stay Strings.
 */
final class EntityIdSet {

  private static final int HEX_ID_LENGTH = 32;
  private static final int MAX_SHORT_NUMBER_LENGTH = 6;

  private long[] slots = new long[2 * 1024];
  private int packedCount;
  private boolean containsZero;
  /** Short all-digit ids (zip prefixes, looked up for every order) as bits: "1" + digits, so "0100" != "100". */
  private final BitSet shortNumbers = new BitSet();
  private final Set<String> others = new HashSet<>();

  /** Adds the id; true when it was not there before. */
  boolean add(String id) {
    int number = shortNumber(id);
    if (number >= 0) {
      boolean added = !shortNumbers.get(number);
      shortNumbers.set(number);
      return added;
    }
    if (id.length() != HEX_ID_LENGTH) {
      return others.add(id);
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < HEX_ID_LENGTH; i++) {
      int digit = lowerHexDigit(id.charAt(i));
      if (digit < 0) {
        return others.add(id); // upper case or not hex: another id than its packed look-alike
      }
      if (i < HEX_ID_LENGTH / 2) {
        hi = (hi << 4) | digit;
      } else {
        lo = (lo << 4) | digit;
      }
    }
    if (hi == 0 && lo == 0) {
      // (0, 0) marks an empty slot, so the all-zero id is tracked apart.
      boolean added = !containsZero;
      containsZero = true;
      return added;
    }
    if (2 * (packedCount + 1) > slots.length / 2) {
      grow();
    }
    if (insert(slots, hi, lo)) {
      packedCount++;
      return true;
    }
    return false;
  }

  int size() {
    return packedCount + (containsZero ? 1 : 0) + shortNumbers.cardinality() + others.size();
  }

  /** The bit of a short all-digit id, or -1 for any other id. */
  private static int shortNumber(String id) {
    int length = id.length();
    if (length == 0 || length > MAX_SHORT_NUMBER_LENGTH) {
      return -1;
    }
    int number = 1;
    for (int i = 0; i < length; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  private static int lowerHexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  private static boolean insert(long[] table, long hi, long lo) {
    int mask = table.length / 2 - 1;
    int slot = (int) mix(hi * 31 + lo) & mask;
    while (true) {
      long h = table[2 * slot];
      long l = table[2 * slot + 1];
      if (h == 0 && l == 0) {
        table[2 * slot] = hi;
        table[2 * slot + 1] = lo;
        return true;
      }
      if (h == hi && l == lo) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void grow() {
    long[] bigger = new long[slots.length * 2];
    for (int i = 0; i < slots.length; i += 2) {
      if (slots[i] != 0 || slots[i + 1] != 0) {
        insert(bigger, slots[i], slots[i + 1]);
      }
    }
    slots = bigger;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
