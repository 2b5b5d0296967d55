package io.olistlakehouse.source.olist;

import io.olistlakehouse.source.model.Geolocation;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds the geolocation rows (a million in the full dataset) into one {@link Geolocation} per zip prefix as they
 * stream by: running sums for the mean position and a count per spelling of city and state. Only one tally per
 * prefix is kept, never the rows.
 */
final class GeolocationAggregator {

  private static final double MAX_LATITUDE = 90;
  private static final double MAX_LONGITUDE = 180;

  private final Map<String, Tally> byPrefix = new HashMap<>();

  void add(OlistRow row) throws RejectedRow {
    String prefix = row.zipPrefix(0);
    double lat = row.coordinate(1, MAX_LATITUDE);
    double lng = row.coordinate(2, MAX_LONGITUDE);
    String city = row.text(3);
    String state = row.state(4);
    byPrefix.computeIfAbsent(prefix, key -> new Tally()).add(lat, lng, city, state);
  }

  Map<String, Geolocation> result() {
    Map<String, Geolocation> result = new HashMap<>(2 * byPrefix.size());
    byPrefix.forEach((prefix, tally) -> result.put(prefix, tally.toGeolocation(prefix)));
    return result;
  }

  /**
   * The value with the highest count; ties go to the lexicographically smallest value, so the result does not
   * depend on the order of the rows.
   */
  static String mostFrequent(Map<String, Integer> counts) {
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      int count = entry.getValue();
      if (count > bestCount || (count == bestCount && entry.getKey().compareTo(best) < 0)) {
        best = entry.getKey();
        bestCount = count;
      }
    }
    return best;
  }

  private static final class Tally {
    private double latSum;
    private double lngSum;
    private int rows;
    private final Map<String, Integer> cities = new HashMap<>(4);
    private final Map<String, Integer> states = new HashMap<>(2);

    void add(double lat, double lng, String city, String state) {
      latSum += lat;
      lngSum += lng;
      rows++;
      cities.merge(city, 1, Integer::sum);
      states.merge(state, 1, Integer::sum);
    }

    /** City and state are each the most frequent on their own, as the model documents. */
    Geolocation toGeolocation(String prefix) {
      return new Geolocation(prefix, latSum / rows, lngSum / rows, mostFrequent(cities), mostFrequent(states), rows);
    }
  }
}
