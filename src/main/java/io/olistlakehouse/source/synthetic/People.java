package io.olistlakehouse.source.synthetic;

import io.olistlakehouse.source.model.Customer;

/**
 * Customers. As in Olist, every order has its own customer_id; the person behind it (customer_unique_id, with
 * their address) is new, or now and then someone who ordered before. Who that is follows from the order index
 * alone, so no history is kept.
 */
final class People {

  /** A customer row and the place of its address, for the order's geolocations. */
  record Buyer(Customer customer, Places.Place place) {}

  /** Returning customers point back a few times at most; a longer chain is cut (it is vanishingly rare). */
  private static final int MAX_HOPS = 8;

  private final long seed;
  private final Places places;

  People(long seed, Places places) {
    this.seed = seed;
    this.places = places;
  }

  Buyer buyer(long orderIndex) {
    long person = personOf(orderIndex);
    Places.Place place = places.customerPlace(Mixing.random(seed, Mixing.PERSON, person, 1));
    Customer customer = new Customer(Mixing.id(seed, Mixing.CUSTOMER, orderIndex, 0),
        Mixing.id(seed, Mixing.PERSON, person, 0), place.zipPrefix(), place.city(), place.state());
    return new Buyer(customer, place);
  }

  /** The index of the first order placed by the person who places this order. */
  long personOf(long orderIndex) {
    long index = orderIndex;
    for (int hop = 0; hop < MAX_HOPS && index > 0; hop++) {
      if (Mixing.unit(Mixing.key(seed, Mixing.PERSON, index, 2)) >= OrderCalibration.RETURNING_CUSTOMER) {
        return index;
      }
      long lookback = Math.min(index, OrderCalibration.RETURNING_LOOKBACK);
      index -= 1 + (long) (Mixing.unit(Mixing.key(seed, Mixing.PERSON, index, 3)) * lookback);
    }
    return index;
  }
}
