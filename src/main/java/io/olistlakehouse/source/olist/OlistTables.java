package io.olistlakehouse.source.olist;

import io.olistlakehouse.source.model.Customer;
import io.olistlakehouse.source.model.Geolocation;
import io.olistlakehouse.source.model.Product;
import io.olistlakehouse.source.model.Seller;
import java.util.Map;

/** Everything read from an Olist folder, by key: master data, geolocations and orders with their parts. */
record OlistTables(
    KeyedTable<String> categoryTranslations,
    KeyedTable<Customer> customers,
    KeyedTable<Seller> sellers,
    KeyedTable<Product> products,
    Map<String, Geolocation> geolocations,
    KeyedTable<OrderParts> orders) {}
