package io.olistlakehouse.source.synthetic;

import io.olistlakehouse.source.model.Geolocation;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Zip prefixes with a city, a state and a position, all derived from (seed, zip prefix) so that a prefix is the
 * same place wherever it is used. Prefixes are drawn toward the low end of their state's range, where the capital
 * is (as in the real CEP layout); neighbouring prefixes form a town with a made-up name.
 */
final class Places {

  record Place(String zipPrefix, String city, String state, double lat, double lng) {}

  /** The lowest quarter of a state's first range is its capital. */
  private static final double CAPITAL_SHARE = 0.25;
  private static final int ZIPS_PER_TOWN = 25;
  private static final double CAPITAL_RADIUS = 0.08;
  private static final double TOWN_RADIUS = 0.05;
  private static final List<String> TOWN_FIRST = List.of("sao jose", "santa rita", "santo antonio", "nova",
      "bom jesus", "sao joao", "campo", "porto", "vila", "serra", "rio", "monte", "boa vista", "alto", "barra");
  private static final List<String> TOWN_SECOND = List.of("do sul", "do norte", "da serra", "dos campos",
      "do oeste", "das flores", "alegre", "verde", "bonito", "grande", "do rio", "da mata", "do leste",
      "das palmeiras", "azul");
  /** Geolocation rows per prefix in the sample (index = rows): mostly 8, the cap the sample was cut at. */
  private static final Weighted GEOLOCATION_ROWS = Weighted.of(0, 21, 19, 27, 15, 25, 24, 21, 5_664);

  private final long seed;

  Places(long seed) {
    this.seed = seed;
  }

  Place customerPlace(SplittableRandom random) {
    return place(BrazilStates.CUSTOMER_WEIGHTS.pick(random.nextDouble()), random.nextDouble());
  }

  Place sellerPlace(SplittableRandom random) {
    return place(BrazilStates.SELLER_WEIGHTS.pick(random.nextDouble()), random.nextDouble());
  }

  Geolocation geolocation(Place place) {
    int rows = GEOLOCATION_ROWS.pick(Mixing.unit(Mixing.key(seed, Mixing.ZIP, zipNumber(place), 2)));
    return new Geolocation(place.zipPrefix(), place.lat(), place.lng(), place.city(), place.state(), rows);
  }

  private Place place(int stateIndex, double u) {
    BrazilStates.State state = BrazilStates.ALL.get(stateIndex);
    int[] ranges = state.zipRanges();
    int size = 0;
    for (int i = 0; i < ranges.length; i += 2) {
      size += ranges[i + 1] - ranges[i] + 1;
    }
    int offset = (int) (size * u * u);
    int zip = ranges[0] + offset;
    for (int i = 0; i + 2 < ranges.length && zip > ranges[i + 1]; i += 2) {
      zip = ranges[i + 2] + (zip - ranges[i + 1] - 1);
    }
    double jitterLat = centred(Mixing.key(seed, Mixing.ZIP, zip, 0));
    double jitterLng = centred(Mixing.key(seed, Mixing.ZIP, zip, 1));
    String prefix = fiveDigits(zip);
    if (offset < CAPITAL_SHARE * (ranges[1] - ranges[0] + 1)) {
      return new Place(prefix, state.capital(), state.code(),
          state.lat() + CAPITAL_RADIUS * jitterLat, state.lng() + CAPITAL_RADIUS * jitterLng);
    }
    long town = Mixing.key(seed, Mixing.ZIP, stateIndex, zip / ZIPS_PER_TOWN);
    String city = TOWN_FIRST.get((int) Math.floorMod(town, TOWN_FIRST.size())) + " "
        + TOWN_SECOND.get((int) Math.floorMod(town >>> 20, TOWN_SECOND.size()));
    double townLat = state.centreLat() + state.spread() * centred(town + 1);
    double townLng = state.centreLng() + state.spread() * centred(town + 2);
    return new Place(prefix, city, state.code(), townLat + TOWN_RADIUS * jitterLat, townLng + TOWN_RADIUS * jitterLng);
  }

  private static int zipNumber(Place place) {
    return Integer.parseInt(place.zipPrefix());
  }

  /** A value in [-1, 1) from a key. */
  private static double centred(long key) {
    return 2 * Mixing.unit(key) - 1;
  }

  private static String fiveDigits(int zip) {
    char[] digits = new char[5];
    for (int i = 4; i >= 0; i--) {
      digits[i] = (char) ('0' + zip % 10);
      zip /= 10;
    }
    return new String(digits);
  }
}
