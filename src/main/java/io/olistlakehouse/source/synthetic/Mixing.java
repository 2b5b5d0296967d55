package io.olistlakehouse.source.synthetic;

import java.util.SplittableRandom;

/**
 * Deterministic randomness keyed by (seed, kind of entity, index): every entity's attributes and id are a pure
 * function of those, so nothing has to be remembered to derive an entity again, at any scale.
 */
final class Mixing {

  static final long ORDER = 0x4f52_4445_5200_0001L;
  static final long CUSTOMER = 0x4355_5354_0000_0002L;
  static final long PERSON = 0x5045_5253_0000_0003L;
  static final long PRODUCT = 0x5052_4f44_0000_0004L;
  static final long SELLER = 0x5345_4c4c_0000_0005L;
  static final long REVIEW = 0x5245_5649_0000_0006L;
  static final long ZIP = 0x5a49_5000_0000_0007L;
  static final long PURCHASE_TIME = 0x5449_4d45_0000_0008L;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Mixing() {}

  /** The SplitMix64 finalizer: a bijective 64-bit mix with good avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
    return z ^ (z >>> 31);
  }

  static long key(long seed, long kind, long a, long b) {
    return mix(mix(mix(seed ^ kind) + a) ^ mix(b + 0x9e37_79b9_7f4a_7c15L));
  }

  static SplittableRandom random(long seed, long kind, long a, long b) {
    return new SplittableRandom(key(seed, kind, a, b));
  }

  /** A uniform double in [0, 1) from one key, for one-off choices that need no stream. */
  static double unit(long key) {
    return (mix(key) >>> 11) * 0x1.0p-53;
  }

  /** 32 lowercase hex digits, the shape of an Olist id, derived from (seed, kind, a, b). */
  static String id(long seed, long kind, long a, long b) {
    long high = key(seed, kind, a, b);
    long low = mix(high ^ 0x632b_e59b_d9b4_e019L);
    char[] text = new char[32];
    for (int i = 15; i >= 0; i--) {
      text[i] = HEX[(int) (high & 0xf)];
      high >>>= 4;
      text[16 + i] = HEX[(int) (low & 0xf)];
      low >>>= 4;
    }
    return new String(text);
  }
}
