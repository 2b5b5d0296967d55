package io.olistlakehouse.replay;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids of master entities already published. Olist ids are 32 lowercase hex digits: those are kept as two longs
 * in an open-addressing table (about 32 bytes each instead of ~100 as Strings), since this set grows with the data
 * set while everything else the replayer holds is bounded by the orders in flight. Other ids (zip prefixes) are
 * few and stay Strings.
 */
final class EntityIdSet {

  private static final int HEX_ID_LENGTH = 32;

  private long[] slots = new long[2 * 1024];
  private int packedCount;
  private boolean containsZero;
  private final Set<String> others = new HashSet<>();

  /** Adds the id; true when it was not there before. */
  boolean add(String id) {
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
    return packedCount + (containsZero ? 1 : 0) + others.size();
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
