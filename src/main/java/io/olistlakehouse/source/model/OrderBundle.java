package io.olistlakehouse.source.model;

import java.util.List;

/**
 * An order with everything it references, the unit a source hands to the replayer in purchase-time order. Master
 * data (customer, products, sellers, geolocations) is included every time; the replayer publishes each entity only
 * the first time it is referenced. {@code geolocations} holds the customer's and the sellers' zip prefixes that
 * have geolocation rows.
 */
public record OrderBundle(
    Order order,
    List<OrderItem> items,
    List<Payment> payments,
    List<Review> reviews,
    Customer customer,
    List<Product> products,
    List<Seller> sellers,
    List<Geolocation> geolocations) {}
